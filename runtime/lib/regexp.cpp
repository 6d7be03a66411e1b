// regexp.cpp — PCRE2 compilation, the per-VM pattern cache and matching. See regexp.h.
#define PCRE2_CODE_UNIT_WIDTH 16
#include "runtime/lib/regexp.h"

#include "runtime/core/utf8.h"
#include "runtime/core/vm.h"

#include <pcre2.h>

namespace molt {

CompiledRegExp::~CompiledRegExp() {
    pcre2_match_data_free(matchData);
    pcre2_code_free(code);
}

void releaseCompiledRegExp(CompiledRegExp* c) {
    if (!c) return;
    if (--c->refs == 0 && !c->cached) delete c;
}

RegExpCache::RegExpCache() {
    matchContext_ = pcre2_match_context_create(nullptr);
    // Deeply nested or long alternations need more than the JIT's default 32 KiB.
    jitStack_ = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, nullptr);
    if (jitStack_) pcre2_jit_stack_assign(matchContext_, nullptr, jitStack_);
}

RegExpCache::~RegExpCache() {
    for (auto& [key, c] : entries_) {
        if (c->refs == 0)
            delete c;
        else
            c->cached = false; // the heap, torn down after us, releases the rest
    }
    pcre2_jit_stack_free(jitStack_);
    pcre2_match_context_free(matchContext_);
}

void RegExpCache::evictUnused() {
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second->refs == 0) {
            delete it->second;
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
    if (entries_.size() < kMaxEntries) return;
    for (auto& [key, c] : entries_)
        c->cached = false; // all in use: forget them; their RegExps still hold them
    entries_.clear();
}

namespace {

std::string displayPattern(std::u16string_view source, std::u16string_view flags) {
    return "/" + utf16ToUtf8(source) + "/" + utf16ToUtf8(flags);
}

} // namespace

Result<CompiledRegExp*> RegExpCache::get(std::u16string_view source,
                                         std::u16string_view flagText) {
    std::u16string key(flagText);
    key += u'/';
    key += source;
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;

    RegExpFlags flags;
    if (!parseRegExpFlags(flagText, flags))
        return Error("Invalid flags supplied to RegExp constructor '" + utf16ToUtf8(flagText) +
                     "'");
    Result<TranslatedPattern> translated = translateRegExp(source, flags);
    if (!translated)
        return translated.error().context("Invalid regular expression: " +
                                          displayPattern(source, flagText) + ": ");
    TranslatedPattern t = translated.release();
    uint32_t options = PCRE2_ALT_BSUX | PCRE2_DOLLAR_ENDONLY | PCRE2_MATCH_UNSET_BACKREF;
    if (flags.ignoreCase) options |= PCRE2_CASELESS;
    if (t.useUcp) options |= PCRE2_UCP;
    if (flags.unicode) options |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (flags.sticky) options |= PCRE2_ANCHORED;
    pcre2_compile_context* cc = pcre2_compile_context_create(nullptr);
    pcre2_set_compile_extra_options(cc, PCRE2_EXTRA_ALT_BSUX);
    int code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(t.pcre.data()), t.pcre.size(),
                                         options, &code, &offset, cc);
    pcre2_compile_context_free(cc);
    if (!compiled) {
        PCRE2_UCHAR message[256];
        int n = pcre2_get_error_message(code, message, 256);
        std::u16string m(reinterpret_cast<const char16_t*>(message), n > 0 ? size_t(n) : 0);
        return Error("Invalid regular expression: " + displayPattern(source, flagText) + ": " +
                     utf16ToUtf8(m));
    }
    pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE); // without the JIT, PCRE2 interprets

    if (entries_.size() >= kMaxEntries) evictUnused();
    auto* c = new CompiledRegExp;
    c->code = compiled;
    c->matchData = pcre2_match_data_create_from_pattern(compiled, nullptr);
    c->flags = flags;
    c->flagText = canonicalFlags(flags);
    c->captureCount = t.captureCount;
    for (const std::u16string& n : t.names) {
        c->groupNames.push_back(utf16ToUtf8(n));
        c->hasNamedGroups |= !n.empty();
    }
    entries_.emplace(std::move(key), c);
    return c;
}

Result<bool> RegExpCache::match(CompiledRegExp* re, std::u16string_view subject, size_t start,
                                RegExpMatch& out) {
    if (start > subject.size()) return false;
    static const char16_t kEmpty[1] = {0};
    auto* data = reinterpret_cast<PCRE2_SPTR>(subject.empty() ? kEmpty : subject.data());
    int rc = pcre2_match(re->code, data, subject.size(), start, 0, re->matchData, matchContext_);
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return false;
    if (rc < 0) {
        PCRE2_UCHAR message[256];
        int n = pcre2_get_error_message(rc, message, 256);
        return Error(utf16ToUtf8(
            std::u16string_view(reinterpret_cast<const char16_t*>(message), n > 0 ? size_t(n) : 0)));
    }
    size_t groups = re->captureCount + 1;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(re->matchData);
    uint32_t pairs = pcre2_get_ovector_count(re->matchData);
    out.offsets.assign(2 * groups, -1);
    for (size_t g = 0; g < groups && g < pairs && g < size_t(rc); ++g) {
        if (ov[2 * g] == PCRE2_UNSET) continue;
        out.offsets[2 * g] = int64_t(ov[2 * g]);
        out.offsets[2 * g + 1] = int64_t(ov[2 * g + 1]);
    }
    return true;
}

RegExpCache& regexpCache(VM& vm) {
    if (!vm.regexps) vm.regexps = std::make_unique<RegExpCache>();
    return *vm.regexps;
}

Result<void> checkRegExpLiteral(VM& vm, std::string_view pattern, std::string_view flags) {
    std::u16string source = utf8ToUtf16(pattern), flagText = utf8ToUtf16(flags);
    RegExpFlags parsed;
    if (!parseRegExpFlags(flagText, parsed)) return Error("Invalid regular expression flags");
    TRY(regexpCache(vm).get(source, flagText));
    return {};
}

} // namespace molt
