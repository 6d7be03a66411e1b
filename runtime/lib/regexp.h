// regexp.h — compiled regular expressions: PCRE2 (16-bit, JIT) behind a per-VM cache.
//
// Why the 16-bit library: JavaScript matches over UTF-16 code units and reports UTF-16
// indices (`index`, `lastIndex`, `d` indices). Molt strings are UTF-8 and already keep
// their UTF-16 units once an indexed operation needed them (utf16Units), so matching over
// those units gives JavaScript's semantics directly: without `u` every unit is a
// character (lone surrogates included), with `u` PCRE2_UTF pairs surrogates, and every
// offset PCRE2 reports is already the index JavaScript wants. The 8-bit library would need
// a byte-to-unit translation of every offset and could not match lone surrogates.
//
// Invariants:
//   * A pattern is translated (regexp_syntax.h) and compiled once per (source, flags) and
//     VM; every RegExp object with that source and flags shares the CompiledRegExp and
//     counts itself in `refs`. Unreferenced entries stay cached (a literal in a loop does
//     not recompile after each collection) until the cache outgrows its bound.
//   * Sticky patterns are compiled with PCRE2_ANCHORED: anchoring at match time would
//     leave the JIT for PCRE2's interpreter.
//   * One match-data block per pattern is reused by every match; callers copy the offsets
//     out (Match) before running any hosted code, which may match the same pattern again.
#pragma once

#include "runtime/core/result.h"

#include "runtime/lib/regexp_syntax.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pcre2_real_code_16;
struct pcre2_real_match_data_16;
struct pcre2_real_match_context_16;
struct pcre2_real_jit_stack_16;

namespace molt {

class VM;

struct CompiledRegExp {
    pcre2_real_code_16* code = nullptr;
    pcre2_real_match_data_16* matchData = nullptr;
    RegExpFlags flags;
    std::string flagText; // canonical ("dgimsuy" order)
    uint32_t captureCount = 0;
    std::vector<std::string> groupNames; // UTF-8; [i] names group i+1, empty when unnamed
    bool hasNamedGroups = false;
    uint32_t refs = 0;  // RegExp objects using it
    bool cached = true; // false once evicted: the last RegExp to go deletes it
    ~CompiledRegExp();
};

// The offsets of one successful match: pairs (start, end) per group, -1 when the group
// did not participate. Group 0 is the whole match.
struct RegExpMatch {
    std::vector<int64_t> offsets;
    int64_t start(size_t group) const { return offsets[2 * group]; }
    int64_t end(size_t group) const { return offsets[2 * group + 1]; }
};

class RegExpCache {
public:
    RegExpCache();
    ~RegExpCache();
    RegExpCache(const RegExpCache&) = delete;
    RegExpCache& operator=(const RegExpCache&) = delete;

    // The compiled pattern, or V8's message ("Invalid regular expression: /(/: Unterminated
    // group", "Invalid flags ...").
    Result<CompiledRegExp*> get(std::u16string_view source, std::u16string_view flags);

    // Matches at or after `start` (exactly at `start` for a sticky pattern): whether it
    // matched (`out` filled), or why PCRE2 gave up.
    Result<bool> match(CompiledRegExp* re, std::u16string_view subject, size_t start,
                       RegExpMatch& out);

private:
    static constexpr size_t kMaxEntries = 512;
    void evictUnused();
    std::unordered_map<std::u16string, CompiledRegExp*> entries_;
    pcre2_real_match_context_16* matchContext_ = nullptr;
    pcre2_real_jit_stack_16* jitStack_ = nullptr;
};

// The VM's cache (created on first use).
RegExpCache& regexpCache(VM& vm);

// Whether a regular-expression literal's pattern and flags (UTF-8, as written) compile;
// the error is node's message. The compiled pattern stays cached for the run.
Result<void> checkRegExpLiteral(VM& vm, std::string_view pattern, std::string_view flags);

} // namespace molt
