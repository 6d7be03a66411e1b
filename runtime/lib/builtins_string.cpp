// builtins_string.cpp — String.prototype methods, String.fromCharCode/fromCodePoint and
// String(x).
//
// JavaScript strings are sequences of UTF-16 code units; ours are UTF-8. Every index,
// length and position a method takes or returns is in UTF-16 units. A method whose
// receiver and arguments are all ASCII works on the bytes directly (one byte is one unit);
// otherwise it converts to UTF-16, does the same work, and converts the result back. A
// result that splits a surrogate pair keeps the lone surrogate (as WTF-8), just as
// JavaScript keeps it.
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/intl.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cctype>
#include <clocale>
#include <cmath>
#include <cwctype>
#include <locale.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace molt {

namespace {

// The receiver or an argument, seen as UTF-16 code units.
struct Units {
    String* str = nullptr;
    bool ascii = true;
    std::u16string_view wide; // the string's cached units when not ascii

    explicit Units(String* s) : str(s), ascii(s->ascii) {
        if (!ascii) wide = utf16Units(s);
    }
    size_t size() const { return ascii ? str->length : wide.size(); }
    char16_t at(size_t i) const { return ascii ? char16_t(uint8_t(str->chars[i])) : wide[i]; }
    std::u16string_view u16view(std::u16string& scratch) const {
        if (!ascii) return wide;
        scratch.assign(str->chars, str->chars + str->length);
        return scratch;
    }
    Value slice(VM& vm, size_t from, size_t to) const {
        if (to <= from) return Value::object(vm.names.empty);
        if (ascii) return vm.str(str->view().substr(from, to - from));
        return vm.str(utf16ToUtf8(wide.substr(from, to - from)));
    }
};

// Index of `needle` in `hay` at or after `from` (or at or before, for rfind), or -1.
int64_t findUnits(const Units& hay, const Units& needle, size_t from, bool reverse = false) {
    if (hay.ascii && needle.ascii) {
        std::string_view h = hay.str->view(), n = needle.str->view();
        size_t r = reverse ? h.rfind(n, from) : h.find(n, from);
        return r == std::string_view::npos ? -1 : int64_t(r);
    }
    std::u16string s1, s2;
    std::u16string_view h = hay.u16view(s1), n = needle.u16view(s2);
    size_t r = reverse ? h.rfind(n, from) : h.find(n, from);
    return r == std::u16string_view::npos ? -1 : int64_t(r);
}

Value thisStringValue(VM& vm, Value thisValue, const char* method) {
    if (isString(thisValue)) return thisValue;
    if (thisValue.isNullish())
        return vm.throwTypeError(std::string("String.prototype.") + method +
                                 " called on null or undefined");
    return vm.toString(thisValue);
}

#define THIS_STRING(method)                                                                        \
    Value thisStr = thisStringValue(vm, thisValue, method);                                        \
    if (thisStr.isException()) return thisStr;                                                     \
    Root thisRoot(vm.heap, thisStr);                                                               \
    String* s = asString(thisStr)

// Argument i converted to a string and rooted in `root`.
String* stringArg(VM& vm, Value* args, int argc, int i, Root& root) {
    Value v = toStringValue(vm, arg(args, argc, i));
    if (v.isException()) return nullptr;
    root.value = v;
    return asString(v);
}

#define STRING_ARG(name, i)                                                                        \
    Root name##Root(vm.heap);                                                                      \
    String* name = stringArg(vm, args, argc, i, name##Root);                                       \
    if (!name) return Value::exception()

#define INTEGER_ARG(name, i)                                                                       \
    double name = 0;                                                                               \
    if (!toIntegerArg(vm, arg(args, argc, i), name)) return Value::exception()

Value unitString(VM& vm, char16_t unit) {
    std::string out;
    appendUtf8(out, unit);
    return vm.str(out);
}

// ---- character access

Value strLength(VM& vm, Value thisValue, Value*, int) {
    if (!isString(thisValue)) return Value::integer(0);
    return Value::integer(int32_t(asString(thisValue)->utf16Length));
}

Value strCharAt(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("charAt");
    INTEGER_ARG(pos, 0);
    if (pos < 0 || pos >= s->utf16Length) return Value::object(vm.names.empty);
    return stringCharAt(vm, s, uint32_t(pos));
}

Value strAt(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("at");
    INTEGER_ARG(pos, 0);
    if (pos < 0) pos += s->utf16Length;
    if (pos < 0 || pos >= s->utf16Length) return Value::undefined();
    return stringCharAt(vm, s, uint32_t(pos));
}

Value strCharCodeAt(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("charCodeAt");
    INTEGER_ARG(pos, 0);
    Units u(s);
    if (pos < 0 || pos >= double(u.size())) return Value::rawDouble(NAN);
    return Value::integer(u.at(size_t(pos)));
}

Value strCodePointAt(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("codePointAt");
    INTEGER_ARG(pos, 0);
    Units u(s);
    if (pos < 0 || pos >= double(u.size())) return Value::undefined();
    size_t i = size_t(pos);
    char16_t c = u.at(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size()) {
        char16_t d = u.at(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF)
            return Value::integer(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00));
    }
    return Value::integer(c);
}

// ---- searching

Value strIndexOf(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("indexOf");
    STRING_ARG(needle, 0);
    INTEGER_ARG(pos, 1);
    Units hay(s), n(needle);
    size_t from = size_t(std::clamp(pos, 0.0, double(hay.size())));
    return Value::number(double(findUnits(hay, n, from)));
}

Value strLastIndexOf(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("lastIndexOf");
    STRING_ARG(needle, 0);
    Units hay(s), n(needle);
    double pos = INFINITY;
    Value p = arg(args, argc, 1);
    if (!p.isUndefined()) {
        Value num = vm.toPrimitiveNumber(p);
        if (num.isException()) return num;
        double d = num.asNumber();
        if (d == d) pos = std::isinf(d) ? d : std::trunc(d);
    }
    size_t from = size_t(std::clamp(pos, 0.0, double(hay.size())));
    return Value::number(double(findUnits(hay, n, from, true)));
}

Value strIncludes(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("includes");
    STRING_ARG(needle, 0);
    INTEGER_ARG(pos, 1);
    Units hay(s), n(needle);
    size_t from = size_t(std::clamp(pos, 0.0, double(hay.size())));
    return Value::boolean(findUnits(hay, n, from) >= 0);
}

bool unitsEqualAt(const Units& hay, const Units& needle, size_t at) {
    if (at + needle.size() > hay.size()) return false;
    for (size_t i = 0; i < needle.size(); ++i)
        if (hay.at(at + i) != needle.at(i)) return false;
    return true;
}

Value strStartsWith(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("startsWith");
    STRING_ARG(needle, 0);
    INTEGER_ARG(pos, 1);
    Units hay(s), n(needle);
    size_t start = size_t(std::clamp(pos, 0.0, double(hay.size())));
    return Value::boolean(unitsEqualAt(hay, n, start));
}

Value strEndsWith(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("endsWith");
    STRING_ARG(needle, 0);
    Units hay(s), n(needle);
    double end = double(hay.size());
    if (!arg(args, argc, 1).isUndefined()) {
        INTEGER_ARG(e, 1);
        end = e;
    }
    size_t stop = size_t(std::clamp(end, 0.0, double(hay.size())));
    if (n.size() > stop) return Value::boolean(false);
    return Value::boolean(unitsEqualAt(hay, n, stop - n.size()));
}

// ---- extracting

Value strSlice(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("slice");
    Units u(s);
    int64_t len = int64_t(u.size());
    INTEGER_ARG(start, 0);
    double end = double(len);
    if (!arg(args, argc, 1).isUndefined()) {
        INTEGER_ARG(e, 1);
        end = e;
    }
    int64_t from = relativeIndex(start, len), to = relativeIndex(end, len);
    return u.slice(vm, size_t(from), size_t(std::max(from, to)));
}

Value strSubstring(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("substring");
    Units u(s);
    double len = double(u.size());
    INTEGER_ARG(start, 0);
    double end = len;
    if (!arg(args, argc, 1).isUndefined()) {
        INTEGER_ARG(e, 1);
        end = e;
    }
    double a = std::clamp(start, 0.0, len), b = std::clamp(end, 0.0, len);
    return u.slice(vm, size_t(std::min(a, b)), size_t(std::max(a, b)));
}

Value strSubstr(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("substr");
    Units u(s);
    int64_t len = int64_t(u.size());
    INTEGER_ARG(start, 0);
    int64_t from = relativeIndex(start, len);
    double count = double(len);
    if (!arg(args, argc, 1).isUndefined()) {
        INTEGER_ARG(c, 1);
        count = c;
    }
    double to = std::min(double(from) + std::max(count, 0.0), double(len));
    return u.slice(vm, size_t(from), size_t(to));
}

// ---- case and whitespace

locale_t utf8Locale() {
    static locale_t loc = [] {
        locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(0));
        if (!l) l = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", locale_t(0));
        return l;
    }();
    return loc;
}

Value changeCase(VM& vm, String* s, bool upper) {
    std::string out(s->view());
    if (s->ascii) {
        for (char& c : out)
            c = char(upper ? std::toupper(uint8_t(c)) : std::tolower(uint8_t(c)));
        return vm.str(out);
    }
    out.clear();
    locale_t loc = utf8Locale();
    std::string_view v = s->view();
    for (size_t i = 0; i < v.size();) {
        uint32_t cp = decodeUtf8(v, i);
        if (upper && cp == 0xDF) { // ß has no single-character capital
            out += "SS";
            continue;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            appendUtf8(out, cp);
            continue;
        }
        wint_t mapped = cp;
        if (loc)
            mapped = upper ? towupper_l(wint_t(cp), loc) : towlower_l(wint_t(cp), loc);
        else if (cp < 0x80)
            mapped = upper ? std::toupper(int(cp)) : std::tolower(int(cp));
        appendUtf8(out, uint32_t(mapped));
    }
    return vm.str(out);
}

Value strToUpperCase(VM& vm, Value thisValue, Value*, int) {
    THIS_STRING("toUpperCase");
    return changeCase(vm, s, true);
}

Value strToLowerCase(VM& vm, Value thisValue, Value*, int) {
    THIS_STRING("toLowerCase");
    return changeCase(vm, s, false);
}

Value trimImpl(VM& vm, Value thisValue, const char* name, bool start, bool end) {
    THIS_STRING(name);
    std::string_view t = trimJsWhitespace(s->view(), start, end);
    if (t.size() == s->length) return thisStr;
    return vm.str(t);
}

Value strTrim(VM& vm, Value thisValue, Value*, int) {
    return trimImpl(vm, thisValue, "trim", true, true);
}
Value strTrimStart(VM& vm, Value thisValue, Value*, int) {
    return trimImpl(vm, thisValue, "trimStart", true, false);
}
Value strTrimEnd(VM& vm, Value thisValue, Value*, int) {
    return trimImpl(vm, thisValue, "trimEnd", false, true);
}

// ---- building

Value strRepeat(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("repeat");
    Value countArg = arg(args, argc, 0);
    Value num = vm.toPrimitiveNumber(countArg);
    if (num.isException()) return num;
    double n = num.asNumber();
    if (n != n) n = 0;
    n = std::trunc(n);
    if (n < 0 || std::isinf(n))
        return vm.throwRangeError("Invalid count value: " + VM::numberToString(num.asNumber()));
    if (s->length == 0 || n == 0) return Value::object(vm.names.empty);
    if (double(s->utf16Length) * n > 536870888.0)
        return vm.throwRangeError("Invalid string length");
    std::string out;
    out.reserve(size_t(s->length * n));
    for (int64_t i = 0; i < int64_t(n); ++i)
        out += s->view();
    return vm.str(out);
}

Value padImpl(VM& vm, Value thisValue, Value* args, int argc, bool atStart) {
    THIS_STRING(atStart ? "padStart" : "padEnd");
    INTEGER_ARG(target, 0);
    std::string filler = " ";
    Root fillRoot(vm.heap);
    if (!arg(args, argc, 1).isUndefined()) {
        String* f = stringArg(vm, args, argc, 1, fillRoot);
        if (!f) return Value::exception();
        filler = std::string(f->view());
    }
    double len = s->utf16Length;
    if (target <= len || filler.empty()) return thisStr;
    if (target > 536870888.0) return vm.throwRangeError("Invalid string length");
    size_t fillLen = size_t(target - len);
    std::u16string fill16 = utf8ToUtf16(filler);
    std::u16string pad;
    pad.reserve(fillLen);
    while (pad.size() < fillLen)
        pad += fill16;
    pad.resize(fillLen);
    std::string padding = utf16ToUtf8(pad);
    return vm.str(atStart ? padding + std::string(s->view()) : std::string(s->view()) + padding);
}

Value strPadStart(VM& vm, Value thisValue, Value* args, int argc) {
    return padImpl(vm, thisValue, args, argc, true);
}
Value strPadEnd(VM& vm, Value thisValue, Value* args, int argc) {
    return padImpl(vm, thisValue, args, argc, false);
}

Value strConcat(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("concat");
    Root result(vm.heap, Value::object(s));
    for (int i = 0; i < argc; ++i) {
        Value sv = toStringValue(vm, args[i]);
        if (sv.isException()) return sv;
        Root keep(vm.heap, sv);
        result.value = Value::object(vm.concat(asString(result.value), asString(sv)->view()));
    }
    return result.value;
}

// ---- split and replace

Value strSplit(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("split");
    Value sepArg = arg(args, argc, 0);
    Value limitArg = arg(args, argc, 1);
    if (isKind(sepArg, ObjKind::RegExp)) return regexpSplit(vm, thisStr, sepArg, limitArg);
    uint32_t limit = UINT32_MAX;
    if (!limitArg.isUndefined()) {
        Value n = vm.toPrimitiveNumber(limitArg);
        if (n.isException()) return n;
        limit = uint32_t(VM::toInt32(n.asNumber()));
    }
    Root sepRoot(vm.heap);
    String* sep = nullptr;
    if (!sepArg.isUndefined()) {
        sep = stringArg(vm, args, argc, 0, sepRoot);
        if (!sep) return Value::exception();
    }
    Array* out = vm.newArray();
    Root outRoot(vm.heap, Value::object(out));
    if (limit == 0) return outRoot.value;
    if (!sep) {
        vm.arrayPush(out, thisStr);
        return outRoot.value;
    }
    Units u(s), n(sep);
    if (n.size() == 0) {
        for (size_t i = 0; i < u.size() && out->length < limit; ++i)
            vm.arrayPush(out, u.slice(vm, i, i + 1));
        return outRoot.value;
    }
    size_t start = 0;
    for (;;) {
        int64_t at = findUnits(u, n, start);
        if (at < 0) break;
        vm.arrayPush(out, u.slice(vm, start, size_t(at)));
        if (out->length >= limit) return outRoot.value;
        start = size_t(at) + n.size();
    }
    vm.arrayPush(out, u.slice(vm, start, u.size()));
    return outRoot.value;
}

// GetSubstitution for a string pattern (no capture groups: $1 stays literal).
void appendSubstitution(std::u16string& out, std::u16string_view repl, std::u16string_view str,
                        size_t position, size_t matchLength) {
    for (size_t i = 0; i < repl.size(); ++i) {
        char16_t c = repl[i];
        if (c == u'$' && i + 1 < repl.size()) {
            char16_t d = repl[i + 1];
            if (d == u'$') {
                out += u'$';
                ++i;
                continue;
            }
            if (d == u'&') {
                out += str.substr(position, matchLength);
                ++i;
                continue;
            }
            if (d == u'`') {
                out += str.substr(0, position);
                ++i;
                continue;
            }
            if (d == u'\'') {
                size_t tail = std::min(position + matchLength, str.size());
                out += str.substr(tail);
                ++i;
                continue;
            }
        }
        out += c;
    }
}

// Where `pattern` occurs in `str16`: the first place, or every one (all).
std::vector<size_t> patternPositions(const std::u16string& str16, const std::u16string& pat16,
                                     bool all) {
    std::vector<size_t> positions;
    size_t from = 0;
    for (;;) {
        size_t at = str16.find(pat16, from);
        if (at == std::u16string::npos) break;
        positions.push_back(at);
        if (!all) break;
        from = at + std::max<size_t>(pat16.size(), 1);
        if (from > str16.size()) break;
    }
    return positions;
}

// replace/replaceAll with a replacement that is not a function; with one, the native half
// hands the call to the hosted body (hosted_methods.h), which uses replaceParts.
Value replaceImpl(VM& vm, Value thisValue, Value* args, int argc, bool all) {
    if (isCallableValue(arg(args, argc, 1))) return Value::empty();
    THIS_STRING(all ? "replaceAll" : "replace");
    if (isKind(arg(args, argc, 0), ObjKind::RegExp))
        return regexpReplace(vm, thisStr, args[0], arg(args, argc, 1), all);
    STRING_ARG(pattern, 0);
    Value r = toStringValue(vm, arg(args, argc, 1));
    if (r.isException()) return r;
    std::u16string repl16 = utf8ToUtf16(asString(r)->view());
    std::u16string str16 = utf8ToUtf16(s->view());
    std::u16string pat16 = utf8ToUtf16(pattern->view());
    std::vector<size_t> positions = patternPositions(str16, pat16, all);
    if (positions.empty()) return thisStr;
    std::u16string out;
    size_t last = 0;
    for (size_t at : positions) {
        out += std::u16string_view(str16).substr(last, at - last);
        appendSubstitution(out, repl16, str16, at, pat16.size());
        last = at + pat16.size();
    }
    out += std::u16string_view(str16).substr(last);
    return vm.str(utf16ToUtf8(out));
}

Value strReplace(VM& vm, Value thisValue, Value* args, int argc) {
    return replaceImpl(vm, thisValue, args, argc, false);
}
Value strReplaceAll(VM& vm, Value thisValue, Value* args, int argc) {
    return replaceImpl(vm, thisValue, args, argc, true);
}

} // namespace

Value replaceParts(VM& vm, Value, Value* args, int argc) {
    bool all = VM::truthy(arg(args, argc, 2));
    Value thisValue = arg(args, argc, 0);
    THIS_STRING(all ? "replaceAll" : "replace");
    if (isKind(arg(args, argc, 1), ObjKind::RegExp))
        return regexpReplaceParts(vm, thisStr, args[1], all);
    STRING_ARG(pattern, 1);
    std::u16string str16 = utf8ToUtf16(s->view());
    std::u16string pat16 = utf8ToUtf16(pattern->view());
    std::vector<size_t> positions = patternPositions(str16, pat16, all);
    Array* parts = vm.newArray(uint32_t(2 * positions.size() + 1));
    Root partsRoot(vm.heap, Value::object(parts));
    size_t last = 0;
    for (size_t at : positions) {
        vm.arrayPush(parts,
                     vm.str(utf16ToUtf8(std::u16string_view(str16).substr(last, at - last))));
        Array* callArgs = vm.newArray(3); // (match, offset, string)
        Root callArgsRoot(vm.heap, Value::object(callArgs));
        callArgs->elements[0] = Value::object(pattern);
        callArgs->elements[1] = Value::number(double(at));
        callArgs->elements[2] = thisStr;
        callArgs->length = 3;
        vm.arrayPush(parts, callArgsRoot.value);
        last = at + pat16.size();
    }
    vm.arrayPush(parts, vm.str(utf16ToUtf8(std::u16string_view(str16).substr(last))));
    return partsRoot.value;
}

namespace {

// ---- comparison

// ICU collation for the locale and options, as node's localeCompare (intl.cpp).
Value strLocaleCompare(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("localeCompare");
    STRING_ARG(other, 0);
    return intl::compareStrings(vm, s->view(), other->view(), arg(args, argc, 1),
                                arg(args, argc, 2));
}

// String.prototype.normalize(form): ICU's normalizers; the form defaults to NFC.
Value strNormalize(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_STRING("normalize");
    std::string form = "NFC";
    if (argc > 0 && !args[0].isUndefined()) {
        STRING_ARG(f, 0);
        form = std::string(f->view());
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = form == "NFC"    ? icu::Normalizer2::getNFCInstance(status)
                                : form == "NFD"  ? icu::Normalizer2::getNFDInstance(status)
                                : form == "NFKC" ? icu::Normalizer2::getNFKCInstance(status)
                                : form == "NFKD" ? icu::Normalizer2::getNFKDInstance(status)
                                                 : nullptr;
    if (!n)
        return vm.throwRangeError("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    if (s->ascii) return thisStr;
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s->view().data(), int32_t(s->view().size())));
    icu::UnicodeString out = n->normalize(text, status);
    if (U_FAILURE(status)) return thisStr;
    std::string utf8;
    out.toUTF8String(utf8);
    return vm.str(utf8);
}

Value strToString(VM& vm, Value thisValue, Value*, int) {
    return thisStringValue(vm, thisValue, "toString");
}

// ---- statics

Value stringFromCharCode(VM& vm, Value, Value* args, int argc) {
    std::u16string out;
    for (int i = 0; i < argc; ++i) {
        Value n = vm.toPrimitiveNumber(args[i]);
        if (n.isException()) return n;
        out += char16_t(uint16_t(uint32_t(VM::toInt32(n.asNumber()))));
    }
    return vm.str(utf16ToUtf8(out));
}

Value stringFromCodePoint(VM& vm, Value, Value* args, int argc) {
    std::string out;
    for (int i = 0; i < argc; ++i) {
        Value n = vm.toPrimitiveNumber(args[i]);
        if (n.isException()) return n;
        double d = n.asNumber();
        if (d != std::trunc(d) || d < 0 || d > 0x10FFFF)
            return vm.throwRangeError("Invalid code point " + vm.toStdString(args[i]));
        appendUtf8(out, uint32_t(d));
    }
    return vm.str(out);
}

Value stringCall(VM& vm, Value, Value* args, int argc) {
    if (argc == 0) return Value::object(vm.names.empty);
    // String(s) is the one conversion of a symbol to a string that does not throw.
    if (isSymbol(args[0])) return vm.str(VM::symbolDescriptiveString(as<Symbol>(args[0])));
    return toStringValue(vm, args[0]);
}

} // namespace

// Walks the UTF-8 bytes without converting the whole string.
Value stringCharAt(VM& vm, String* s, uint32_t index) {
    if (s->ascii)
        return index < s->length ? vm.str(s->view().substr(index, 1)) : Value::undefined();
    std::string_view v = s->view();
    uint32_t unit = 0;
    for (size_t i = 0; i < v.size();) {
        uint32_t cp = decodeUtf8(v, i);
        if (cp >= 0x10000) {
            if (unit == index) return unitString(vm, char16_t(0xD800 + ((cp - 0x10000) >> 10)));
            if (unit + 1 == index)
                return unitString(vm, char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            unit += 2;
        } else {
            if (unit == index) return unitString(vm, char16_t(cp));
            unit += 1;
        }
    }
    return Value::undefined();
}

Value stringCodePointAt(VM& vm, String* s, uint32_t& bytePos) {
    if (bytePos >= s->length) return Value::undefined();
    size_t i = bytePos;
    decodeUtf8(s->view(), i);
    Value r = vm.str(s->view().substr(bytePos, i - bytePos));
    bytePos = uint32_t(i);
    return r;
}

void installStringBuiltins(VM& vm) {
    Class* c = vm.stringClass;
    vm.defineGetter(c, "length", strLength);
    vm.defineMethod(c, "charAt", strCharAt, 1);
    vm.defineMethod(c, "charCodeAt", strCharCodeAt, 1);
    vm.defineMethod(c, "codePointAt", strCodePointAt, 1);
    vm.defineMethod(c, "at", strAt, 1);
    vm.defineMethod(c, "indexOf", strIndexOf, 1);
    vm.defineMethod(c, "lastIndexOf", strLastIndexOf, 1);
    vm.defineMethod(c, "includes", strIncludes, 1);
    vm.defineMethod(c, "startsWith", strStartsWith, 1);
    vm.defineMethod(c, "endsWith", strEndsWith, 1);
    vm.defineMethod(c, "slice", strSlice, 2);
    vm.defineMethod(c, "substring", strSubstring, 2);
    vm.defineMethod(c, "substr", strSubstr, 2);
    vm.defineMethod(c, "toUpperCase", strToUpperCase, 0);
    vm.defineMethod(c, "toLowerCase", strToLowerCase, 0);
    vm.defineMethod(c, "toLocaleUpperCase", strToUpperCase, 0);
    vm.defineMethod(c, "toLocaleLowerCase", strToLowerCase, 0);
    vm.defineMethod(c, "trim", strTrim, 0);
    vm.defineMethod(c, "trimStart", strTrimStart, 0);
    vm.defineMethod(c, "trimEnd", strTrimEnd, 0);
    vm.defineMethod(c, "split", strSplit, 2);
    defineHostedMethod(vm, c, "replace", strReplace, 2, "internal/builtins_string");
    defineHostedMethod(vm, c, "replaceAll", strReplaceAll, 2, "internal/builtins_string");
    vm.defineMethod(c, "repeat", strRepeat, 1);
    vm.defineMethod(c, "padStart", strPadStart, 2);
    vm.defineMethod(c, "padEnd", strPadEnd, 2);
    vm.defineMethod(c, "concat", strConcat, 1);
    vm.defineMethod(c, "localeCompare", strLocaleCompare, 1);
    vm.defineMethod(c, "normalize", strNormalize, 0);
    vm.defineMethod(c, "toString", strToString, 0);
    vm.defineMethod(c, "valueOf", strToString, 0);
    vm.defineStaticMethod(c, "fromCharCode", stringFromCharCode, 1);
    vm.defineStaticMethod(c, "fromCodePoint", stringFromCodePoint, 1);
    vm.defineStaticMethod(c, "call", stringCall, 1);
}

} // namespace molt
