// regexp_syntax.cpp — the ECMAScript pattern grammar (with Annex B when `u` is off),
// re-emitted as PCRE2 syntax with JavaScript's meaning. See regexp_syntax.h.
#include "runtime/lib/regexp_syntax.h"

#include "runtime/core/utf8.h"

#include <cstdio>
#include <unordered_set>

namespace molt {

namespace {

struct Range {
    uint32_t lo, hi;
};

const std::vector<Range> kDigitRanges = {{'0', '9'}};
const std::vector<Range> kWordRanges = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
// WhiteSpace and LineTerminator of ECMAScript (what \s matches), sorted.
const std::vector<Range> kSpaceRanges = {
    {0x09, 0x0d},     {0x20, 0x20},     {0xa0, 0xa0},     {0x1680, 0x1680}, {0x2000, 0x200a},
    {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}, {0xfeff, 0xfeff}};

constexpr std::u16string_view kLineTerminatorClass = u"[\\u000A\\u000D\\u2028\\u2029]";
constexpr std::u16string_view kWordClass = u"[0-9A-Z_a-z]";

std::vector<Range> complement(const std::vector<Range>& ranges, uint32_t max) {
    std::vector<Range> out;
    uint32_t next = 0;
    for (const Range& r : ranges) {
        if (r.lo > next) out.push_back({next, r.lo - 1});
        next = r.hi + 1;
    }
    if (next <= max) out.push_back({next, max});
    return out;
}

void append(std::u16string& out, std::u16string_view s) {
    out.append(s);
}

void appendAscii(std::u16string& out, const char* s) {
    for (; *s; ++s)
        out += char16_t(*s);
}

void emitCodePoint(std::u16string& out, uint32_t c) {
    char buf[16];
    if (c <= 0xffff)
        std::snprintf(buf, sizeof buf, "\\u%04X", unsigned(c));
    else
        std::snprintf(buf, sizeof buf, "\\u{%X}", unsigned(c));
    appendAscii(out, buf);
}

void emitRanges(std::u16string& out, const std::vector<Range>& ranges) {
    for (const Range& r : ranges) {
        emitCodePoint(out, r.lo);
        if (r.hi > r.lo) {
            out += u'-';
            emitCodePoint(out, r.hi);
        }
    }
}

bool isHighSurrogate(uint32_t c) {
    return c >= 0xd800 && c <= 0xdbff;
}
bool isLowSurrogate(uint32_t c) {
    return c >= 0xdc00 && c <= 0xdfff;
}
bool isDigit(char16_t c) {
    return c >= '0' && c <= '9';
}
bool isSyntaxCharacter(char16_t c) {
    return std::u16string_view(u"^$\\.*+?()[]{}|/").find(c) != std::u16string_view::npos;
}

// JavaScript's long General_Category names, as PCRE2 spells them.
std::u16string_view shortCategory(std::u16string_view name) {
    static const std::pair<std::u16string_view, std::u16string_view> table[] = {
        {u"Letter", u"L"},
        {u"Cased_Letter", u"L&"},
        {u"Uppercase_Letter", u"Lu"},
        {u"Lowercase_Letter", u"Ll"},
        {u"Titlecase_Letter", u"Lt"},
        {u"Modifier_Letter", u"Lm"},
        {u"Other_Letter", u"Lo"},
        {u"Mark", u"M"},
        {u"Nonspacing_Mark", u"Mn"},
        {u"Spacing_Mark", u"Mc"},
        {u"Enclosing_Mark", u"Me"},
        {u"Number", u"N"},
        {u"Decimal_Number", u"Nd"},
        {u"Letter_Number", u"Nl"},
        {u"Other_Number", u"No"},
        {u"Punctuation", u"P"},
        {u"Connector_Punctuation", u"Pc"},
        {u"Dash_Punctuation", u"Pd"},
        {u"Open_Punctuation", u"Ps"},
        {u"Close_Punctuation", u"Pe"},
        {u"Initial_Punctuation", u"Pi"},
        {u"Final_Punctuation", u"Pf"},
        {u"Other_Punctuation", u"Po"},
        {u"Symbol", u"S"},
        {u"Math_Symbol", u"Sm"},
        {u"Currency_Symbol", u"Sc"},
        {u"Modifier_Symbol", u"Sk"},
        {u"Other_Symbol", u"So"},
        {u"Separator", u"Z"},
        {u"Space_Separator", u"Zs"},
        {u"Line_Separator", u"Zl"},
        {u"Paragraph_Separator", u"Zp"},
        {u"Other", u"C"},
        {u"Control", u"Cc"},
        {u"Format", u"Cf"},
        {u"Surrogate", u"Cs"},
        {u"Private_Use", u"Co"},
        {u"Unassigned", u"Cn"},
    };
    for (auto& [longName, shortName] : table)
        if (name == longName) return shortName;
    return name;
}

class Translator {
public:
    Translator(std::u16string_view src, const RegExpFlags& f, TranslatedPattern& out)
        : src_(src), f_(f), out_(out) {}

    bool run(std::string& error) {
        out_.useUcp = f_.ignoreCase;
        prescan();
        bool ok = parseDisjunction();
        if (ok && pos_ < src_.size()) ok = fail("Unmatched ')'");
        if (!ok) error = error_;
        return ok;
    }

private:
    std::u16string_view src_;
    const RegExpFlags& f_;
    TranslatedPattern& out_;
    size_t pos_ = 0;
    uint32_t openedGroups_ = 0;
    std::unordered_set<std::u16string> seenNames_;
    bool hasNamedGroups_ = false;
    std::string error_;

    bool fail(const char* message) {
        if (error_.empty()) error_ = message;
        return false;
    }
    bool atEnd() const { return pos_ >= src_.size(); }
    bool has(size_t k) const { return pos_ + k < src_.size(); }
    char16_t at(size_t k) const { return src_[pos_ + k]; }
    uint32_t maxChar() const { return f_.unicode ? 0x10ffff : 0xffff; }
    void emit(std::u16string_view s) { append(out_.pcre, s); }

    // The next character; with `u` a surrogate pair is one code point.
    uint32_t readChar() {
        uint32_t c = src_[pos_++];
        if (f_.unicode && isHighSurrogate(c) && !atEnd() && isLowSurrogate(src_[pos_])) {
            c = 0x10000 + ((c - 0xd800) << 10) + (src_[pos_] - 0xdc00);
            ++pos_;
        }
        return c;
    }

    // Group numbers and names, so `\3` and `\k<name>` can refer forward.
    void prescan() {
        bool inClass = false;
        for (size_t i = 0; i < src_.size(); ++i) {
            char16_t c = src_[i];
            if (c == '\\') {
                ++i;
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[') {
                inClass = true;
                continue;
            }
            if (c != '(') continue;
            if (i + 1 < src_.size() && src_[i + 1] == '?') {
                if (i + 3 < src_.size() && src_[i + 2] == '<' && src_[i + 3] != '=' &&
                    src_[i + 3] != '!') {
                    size_t end = src_.find(u'>', i + 3);
                    std::u16string name(end == std::u16string_view::npos
                                            ? std::u16string_view()
                                            : src_.substr(i + 3, end - i - 3));
                    out_.names.push_back(name);
                    hasNamedGroups_ = true;
                }
                continue;
            }
            out_.names.emplace_back();
        }
        out_.captureCount = uint32_t(out_.names.size());
    }

    bool parseDisjunction() {
        for (;;) {
            while (!atEnd() && at(0) != '|' && at(0) != ')')
                if (!parseTerm()) return false;
            if (atEnd() || at(0) == ')') return true;
            ++pos_;
            out_.pcre += u'|';
        }
    }

    bool parseTerm() {
        char16_t c = at(0);
        bool quantifiable = true;
        switch (c) {
        case '^':
            ++pos_;
            if (f_.multiline) {
                emit(u"(?:^|(?<=");
                emit(kLineTerminatorClass);
                emit(u"))");
            } else {
                emit(u"^");
            }
            quantifiable = false;
            break;
        case '$':
            ++pos_;
            if (f_.multiline) {
                emit(u"(?:$|(?=");
                emit(kLineTerminatorClass);
                emit(u"))");
            } else {
                emit(u"$");
            }
            quantifiable = false;
            break;
        case '.':
            ++pos_;
            emit(f_.dotAll ? u"(?s:.)" : u"[^\\u000A\\u000D\\u2028\\u2029]");
            break;
        case '(':
            if (!parseGroup(quantifiable)) return false;
            break;
        case '[':
            if (!parseClass()) return false;
            break;
        case '\\':
            if (!parseAtomEscape(quantifiable)) return false;
            break;
        case '*':
        case '+':
        case '?': return fail("Nothing to repeat");
        case '{':
            if (f_.unicode) return fail("Lone quantifier brackets");
            {
                size_t save = pos_;
                uint32_t lo, hi;
                bool bounded;
                bool isQuantifier = parseBraces(lo, hi, bounded);
                pos_ = save;
                if (isQuantifier) return fail("Nothing to repeat");
            }
            ++pos_;
            emitCodePoint(out_.pcre, c);
            break;
        case '}':
        case ']':
            if (f_.unicode) return fail("Lone quantifier brackets");
            ++pos_;
            emitCodePoint(out_.pcre, c);
            break;
        default: emitCodePoint(out_.pcre, readChar()); break;
        }
        return parseQuantifier(quantifiable);
    }

    // `{n}`, `{n,}` or `{n,m}` at pos_; false (pos_ unspecified) when it is not one.
    bool parseBraces(uint32_t& lo, uint32_t& hi, bool& bounded) {
        if (atEnd() || at(0) != '{') return false;
        ++pos_;
        auto number = [&](uint32_t& v) {
            if (atEnd() || !isDigit(at(0))) return false;
            uint64_t n = 0;
            while (!atEnd() && isDigit(at(0))) {
                n = std::min<uint64_t>(n * 10 + (at(0) - '0'), UINT32_MAX);
                ++pos_;
            }
            v = uint32_t(n);
            return true;
        };
        if (!number(lo)) return false;
        hi = lo;
        bounded = true;
        if (!atEnd() && at(0) == ',') {
            ++pos_;
            bounded = number(hi);
        }
        if (atEnd() || at(0) != '}') return false;
        ++pos_;
        return true;
    }

    bool parseQuantifier(bool quantifiable) {
        if (atEnd()) return true;
        char16_t c = at(0);
        std::u16string q;
        if (c == '*' || c == '+' || c == '?') {
            ++pos_;
            q = c;
        } else if (c == '{') {
            size_t save = pos_;
            uint32_t lo = 0, hi = 0;
            bool bounded = true;
            if (!parseBraces(lo, hi, bounded)) {
                pos_ = save;
                return true; // a literal brace (Annex B); the next term reads it
            }
            if (bounded && hi < lo) return fail("numbers out of order in {} quantifier");
            // PCRE2 counts repetitions up to 65535; a larger upper bound is unbounded.
            constexpr uint32_t kMaxRepeat = 65535;
            if (lo > kMaxRepeat) return fail("quantifier count is too large");
            if (hi > kMaxRepeat) bounded = false;
            std::string text =
                "{" + std::to_string(lo) + (bounded ? "," + std::to_string(hi) : ",") + "}";
            if (bounded && hi == lo) text = "{" + std::to_string(lo) + "}";
            appendAscii(q, text.c_str());
        } else {
            return true;
        }
        if (!quantifiable) return fail("Nothing to repeat");
        if (!atEnd() && at(0) == '?') {
            ++pos_;
            q += u'?';
        }
        emit(q);
        return true;
    }

    bool parseGroupName(std::u16string& name) {
        size_t end = src_.find(u'>', pos_);
        if (end == std::u16string_view::npos || end == pos_)
            return fail("Invalid capture group name");
        name.assign(src_.substr(pos_, end - pos_));
        for (size_t i = 0; i < name.size(); ++i) {
            char16_t c = name[i];
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_' ||
                      c >= 0x80 || (i > 0 && isDigit(c));
            if (!ok) return fail("Invalid capture group name");
        }
        pos_ = end + 1;
        return true;
    }

    bool parseGroup(bool& quantifiable) {
        ++pos_;
        if (!atEnd() && at(0) == '?') {
            char16_t c2 = has(1) ? at(1) : 0;
            char16_t c3 = has(2) ? at(2) : 0;
            if (c2 == ':') {
                pos_ += 2;
                emit(u"(?:");
            } else if (c2 == '=' || c2 == '!') {
                pos_ += 2;
                emit(c2 == '=' ? u"(?=" : u"(?!");
                quantifiable = !f_.unicode; // Annex B: a quantified lookahead
            } else if (c2 == '<' && (c3 == '=' || c3 == '!')) {
                pos_ += 3;
                emit(c3 == '=' ? u"(?<=" : u"(?<!");
                quantifiable = false;
            } else if (c2 == '<') {
                pos_ += 2;
                std::u16string name;
                if (!parseGroupName(name)) return false;
                if (!seenNames_.insert(name).second) return fail("Duplicate capture group name");
                ++openedGroups_;
                emit(u"(");
            } else {
                return fail("Invalid group");
            }
        } else {
            ++openedGroups_;
            emit(u"(");
        }
        if (!parseDisjunction()) return false;
        if (atEnd()) return fail("Unterminated group");
        ++pos_;
        emit(u")");
        return true;
    }

    void emitClassEscape(char16_t c, std::u16string& out) {
        const std::vector<Range>& base = (c == 'd' || c == 'D')   ? kDigitRanges
                                         : (c == 'w' || c == 'W') ? kWordRanges
                                                                  : kSpaceRanges;
        bool negated = c == 'D' || c == 'W' || c == 'S';
        emitRanges(out, negated ? complement(base, maxChar()) : base);
    }

    static bool isClassEscape(char16_t c) {
        return c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 's' || c == 'S';
    }

    // `\p{...}` / `\P{...}` (with `u`) as PCRE2 spells it, pos_ after the `p`.
    bool parseProperty(bool negated, std::u16string& out) {
        if (atEnd() || at(0) != '{') return fail("Invalid property name");
        size_t end = src_.find(u'}', pos_);
        if (end == std::u16string_view::npos) return fail("Invalid property name");
        std::u16string_view body = src_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = end + 1;
        std::u16string name;
        size_t eq = body.find(u'=');
        if (eq == std::u16string_view::npos) {
            name = shortCategory(body);
        } else {
            std::u16string_view key = body.substr(0, eq), value = body.substr(eq + 1);
            if (key == u"General_Category" || key == u"gc") {
                name = shortCategory(value);
            } else if (key == u"Script" || key == u"sc") {
                name = u"sc:";
                name += value;
            } else if (key == u"Script_Extensions" || key == u"scx") {
                name = u"scx:";
                name += value;
            } else {
                return fail("Invalid property name");
            }
        }
        out += negated ? u"\\P{" : u"\\p{";
        out += name;
        out += u'}';
        return true;
    }

    // Legacy octal escape (Annex B), pos_ at its first digit.
    uint32_t parseOctal() {
        uint32_t v = at(0) - '0';
        ++pos_;
        size_t maxDigits = v <= 3 ? 2 : 1;
        for (size_t i = 0; i < maxDigits && !atEnd() && at(0) >= '0' && at(0) <= '7'; ++i) {
            v = v * 8 + (at(0) - '0');
            ++pos_;
        }
        return v;
    }

    bool parseHex(size_t count, uint32_t& v) {
        if (!has(count - 1)) return false;
        v = 0;
        for (size_t i = 0; i < count; ++i) {
            int h = hexDigitValue(at(i));
            if (h < 0) return false;
            v = v * 16 + uint32_t(h);
        }
        pos_ += count;
        return true;
    }

    // A CharacterEscape (or an Annex B identity escape), pos_ just after the backslash.
    bool parseCharacterEscape(uint32_t& cp, bool inClass) {
        char16_t c = at(0);
        switch (c) {
        case 'f':
            cp = 0x0c;
            ++pos_;
            return true;
        case 'n':
            cp = 0x0a;
            ++pos_;
            return true;
        case 'r':
            cp = 0x0d;
            ++pos_;
            return true;
        case 't':
            cp = 0x09;
            ++pos_;
            return true;
        case 'v':
            cp = 0x0b;
            ++pos_;
            return true;
        case 'c': {
            char16_t l = has(1) ? at(1) : 0;
            bool letter = (l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z');
            if (letter || (inClass && !f_.unicode && (isDigit(l) || l == '_'))) {
                cp = l % 32;
                pos_ += 2;
                return true;
            }
            if (f_.unicode) return fail("Invalid unicode escape");
            cp = '\\'; // `\c` without a letter is a backslash, then `c` reads as itself
            return true;
        }
        case 'x':
            ++pos_;
            if (parseHex(2, cp)) return true;
            if (f_.unicode) return fail("Invalid escape");
            cp = 'x';
            return true;
        case 'u': {
            ++pos_;
            if (parseHex(4, cp)) {
                if (f_.unicode && isHighSurrogate(cp) && has(5) && at(0) == '\\' && at(1) == 'u') {
                    size_t save = pos_;
                    pos_ += 2;
                    uint32_t low;
                    if (parseHex(4, low) && isLowSurrogate(low))
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    else
                        pos_ = save;
                }
                return true;
            }
            if (f_.unicode && !atEnd() && at(0) == '{') {
                size_t end = src_.find(u'}', pos_);
                if (end == std::u16string_view::npos || end == pos_ + 1)
                    return fail("Invalid Unicode escape");
                uint64_t v = 0;
                for (size_t i = pos_ + 1; i < end; ++i) {
                    int h = hexDigitValue(src_[i]);
                    if (h < 0) return fail("Invalid Unicode escape");
                    v = std::min<uint64_t>(v * 16 + uint64_t(h), 0x110000);
                }
                if (v > 0x10ffff) return fail("Invalid Unicode escape");
                cp = uint32_t(v);
                pos_ = end + 1;
                return true;
            }
            if (f_.unicode) return fail("Invalid Unicode escape");
            cp = 'u';
            return true;
        }
        case '0':
            if (!has(1) || !isDigit(at(1))) {
                cp = 0;
                ++pos_;
                return true;
            }
            if (f_.unicode) return fail("Invalid decimal escape");
            cp = parseOctal();
            return true;
        default: break;
        }
        if (isDigit(c)) { // only reached inside a class, or past the group count
            if (f_.unicode) return fail(inClass ? "Invalid class escape" : "Invalid escape");
            if (c >= '8') {
                cp = c;
                ++pos_;
            } else {
                cp = parseOctal();
            }
            return true;
        }
        if (f_.unicode) {
            if (isSyntaxCharacter(c) || (inClass && c == '-')) {
                cp = c;
                ++pos_;
                return true;
            }
            return fail("Invalid escape");
        }
        cp = readChar();
        return true;
    }

    bool parseAtomEscape(bool& quantifiable) {
        ++pos_;
        if (atEnd()) return fail("\\ at end of pattern");
        char16_t c = at(0);
        if (c == 'b' || c == 'B') {
            ++pos_;
            quantifiable = false;
            if (!out_.useUcp) {
                emit(c == 'b' ? u"\\b" : u"\\B");
                return true;
            }
            // PCRE2_UCP would make \b Unicode-aware; JavaScript's is ASCII.
            std::u16string w(kWordClass);
            if (c == 'b')
                emit(u"(?:(?<=" + w + u")(?!" + w + u")|(?<!" + w + u")(?=" + w + u"))");
            else
                emit(u"(?:(?<=" + w + u")(?=" + w + u")|(?<!" + w + u")(?!" + w + u"))");
            return true;
        }
        if (isClassEscape(c)) {
            ++pos_;
            // Outside case folding: /\W/i must not match `s` through U+017F's folding.
            emit(f_.ignoreCase ? u"(?-i:[" : u"[");
            emitClassEscape(c, out_.pcre);
            emit(f_.ignoreCase ? u"])" : u"]");
            return true;
        }
        if ((c == 'p' || c == 'P') && f_.unicode) {
            ++pos_;
            return parseProperty(c == 'P', out_.pcre);
        }
        if (c >= '1' && c <= '9') {
            size_t save = pos_;
            uint64_t n = 0;
            while (!atEnd() && isDigit(at(0))) {
                n = std::min<uint64_t>(n * 10 + (at(0) - '0'), UINT32_MAX);
                ++pos_;
            }
            if (n <= out_.captureCount) {
                appendAscii(out_.pcre, ("\\g{" + std::to_string(n) + "}").c_str());
                return true;
            }
            pos_ = save;
        }
        if (c == 'k' && (hasNamedGroups_ || f_.unicode)) {
            ++pos_;
            if (atEnd() || at(0) != '<') return fail("Invalid named reference");
            ++pos_;
            std::u16string name;
            if (!parseGroupName(name)) return fail("Invalid named reference");
            for (size_t i = 0; i < out_.names.size(); ++i)
                if (out_.names[i] == name) {
                    appendAscii(out_.pcre, ("\\g{" + std::to_string(i + 1) + "}").c_str());
                    return true;
                }
            return fail("Invalid named capture referenced");
        }
        uint32_t cp;
        if (!parseCharacterEscape(cp, false)) return false;
        emitCodePoint(out_.pcre, cp);
        return true;
    }

    struct ClassAtom {
        bool isSet = false;
        uint32_t cp = 0;
        std::u16string set; // class-body text of \d, \p{..}, ...
    };

    bool parseClassAtom(ClassAtom& a) {
        if (at(0) != '\\') {
            a.cp = readChar();
            return true;
        }
        ++pos_;
        if (atEnd()) return fail("\\ at end of pattern");
        char16_t c = at(0);
        if (isClassEscape(c)) {
            ++pos_;
            a.isSet = true;
            emitClassEscape(c, a.set);
            return true;
        }
        if ((c == 'p' || c == 'P') && f_.unicode) {
            ++pos_;
            a.isSet = true;
            return parseProperty(c == 'P', a.set);
        }
        if (c == 'b') {
            ++pos_;
            a.cp = 8;
            return true;
        }
        if (c == '-' && f_.unicode) {
            ++pos_;
            a.cp = '-';
            return true;
        }
        return parseCharacterEscape(a.cp, true);
    }

    void appendAtom(std::u16string& body, const ClassAtom& a) {
        if (a.isSet)
            body += a.set;
        else
            emitCodePoint(body, a.cp);
    }

    bool parseClass() {
        ++pos_;
        bool negate = false;
        if (!atEnd() && at(0) == '^') {
            negate = true;
            ++pos_;
        }
        if (!atEnd() && at(0) == ']') {
            ++pos_;
            emit(negate ? u"(?s:.)" : u"(?!)"); // [^] matches anything, [] nothing
            return true;
        }
        std::u16string body;
        for (;;) {
            if (atEnd()) return fail("Unterminated character class");
            if (at(0) == ']') {
                ++pos_;
                break;
            }
            ClassAtom a;
            if (!parseClassAtom(a)) return false;
            if (!atEnd() && at(0) == '-' && has(1) && at(1) != ']') {
                ++pos_;
                ClassAtom b;
                if (!parseClassAtom(b)) return false;
                if (a.isSet || b.isSet) {
                    if (f_.unicode) return fail("Invalid character class");
                    appendAtom(body, a);
                    emitCodePoint(body, '-');
                    appendAtom(body, b);
                    continue;
                }
                if (a.cp > b.cp) return fail("Range out of order in character class");
                emitCodePoint(body, a.cp);
                body += u'-';
                emitCodePoint(body, b.cp);
                continue;
            }
            appendAtom(body, a);
        }
        emit(negate ? u"[^" : u"[");
        emit(body);
        emit(u"]");
        return true;
    }
};

} // namespace

bool parseRegExpFlags(std::u16string_view text, RegExpFlags& out) {
    out = {};
    for (char16_t c : text) {
        bool* flag = nullptr;
        switch (c) {
        case 'd': flag = &out.hasIndices; break;
        case 'g': flag = &out.global; break;
        case 'i': flag = &out.ignoreCase; break;
        case 'm': flag = &out.multiline; break;
        case 's': flag = &out.dotAll; break;
        case 'u': flag = &out.unicode; break;
        case 'y': flag = &out.sticky; break;
        default: return false;
        }
        if (*flag) return false;
        *flag = true;
    }
    return true;
}

std::string canonicalFlags(const RegExpFlags& f) {
    std::string s;
    if (f.hasIndices) s += 'd';
    if (f.global) s += 'g';
    if (f.ignoreCase) s += 'i';
    if (f.multiline) s += 'm';
    if (f.dotAll) s += 's';
    if (f.unicode) s += 'u';
    if (f.sticky) s += 'y';
    return s;
}

Result<TranslatedPattern> translateRegExp(std::u16string_view source, const RegExpFlags& flags) {
    TranslatedPattern out;
    Translator t(source, flags, out);
    std::string error;
    if (!t.run(error)) return Error(std::move(error));
    return out;
}

std::u16string escapeRegExpSource(std::u16string_view source) {
    if (source.empty()) return u"(?:)";
    std::u16string out;
    bool inClass = false;
    for (size_t i = 0; i < source.size(); ++i) {
        char16_t c = source[i];
        if (c == '\\' && i + 1 < source.size()) {
            out += c;
            out += source[++i];
            continue;
        }
        if (c == '[') inClass = true;
        if (c == ']') inClass = false;
        if (c == '/' && !inClass)
            out += u"\\/";
        else if (c == '\n')
            out += u"\\n";
        else if (c == '\r')
            out += u"\\r";
        else if (c == 0x2028)
            out += u"\\u2028";
        else if (c == 0x2029)
            out += u"\\u2029";
        else
            out += c;
    }
    return out;
}

} // namespace molt
