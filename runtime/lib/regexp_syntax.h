// regexp_syntax.h — JavaScript regular-expression syntax, checked and rewritten for PCRE2.
//
// PCRE2 and ECMAScript agree on most of the pattern language but not on all of it, and a
// pattern PCRE2 accepts may be a SyntaxError in JavaScript (`a++`, `(?i)`, `\A`) or mean
// something else (`[[:alpha:]]`, `\d` with Unicode properties, `$` before a final newline).
// So every pattern is parsed here by the ECMAScript grammar (with Annex B's legacy forms
// when the `u` flag is off) and re-emitted in a PCRE2 form whose meaning is the JavaScript
// one:
//   * every literal character, escape and class member is emitted as a `\uHHHH` /
//     `\u{H...}` escape (PCRE2_ALT_BSUX + PCRE2_EXTRA_ALT_BSUX), so no PCRE2 metacharacter
//     or POSIX class can appear by accident;
//   * `\d \w \s` and their negations become explicit ASCII (and, for `\s`, JavaScript's
//     white-space) ranges; `.` excludes exactly JavaScript's line terminators; `^`/`$`
//     with `m` look for those terminators; `\b` becomes lookarounds when Unicode
//     case folding (PCRE2_UCP) is on, since UCP would widen PCRE2's own `\b`;
//   * capture groups are all emitted unnamed: names are resolved here (duplicates and
//     unknown `\k<name>` are errors as in V8) and `\k<name>` becomes `\g{N}`.
// Errors carry V8's wording ("Unterminated group", "Nothing to repeat", ...), so a
// message is the one node prints.
#pragma once

#include "runtime/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace molt {

struct RegExpFlags {
    bool hasIndices = false, global = false, ignoreCase = false, multiline = false, dotAll = false,
         unicode = false, sticky = false;
};

// Parses a flags string; false on an unknown or repeated flag.
bool parseRegExpFlags(std::u16string_view text, RegExpFlags& out);
// The flags in the canonical order of `RegExp.prototype.flags` ("dgimsuy").
std::string canonicalFlags(const RegExpFlags& f);

struct TranslatedPattern {
    std::u16string pcre;               // the PCRE2 pattern (16-bit code units)
    uint32_t captureCount = 0;         // capturing groups, not counting the whole match
    std::vector<std::u16string> names; // names[i]: name of group i+1, empty when unnamed
    bool useUcp = false;               // compile with PCRE2_UCP (Unicode case folding)
};

// Translates `source` under `flags`; a syntax error carries V8's message for it (without
// the "Invalid regular expression: /.../: " prefix).
Result<TranslatedPattern> translateRegExp(std::u16string_view source, const RegExpFlags& flags);

// `source` as RegExp.prototype.source shows it: "(?:)" when empty, `/` and line
// terminators escaped so that `/${source}/` reads back as the same literal.
std::u16string escapeRegExpSource(std::u16string_view source);

} // namespace molt
