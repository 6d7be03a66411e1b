// builtins_uri.cpp — encodeURIComponent, encodeURI, decodeURIComponent, decodeURI and
// URIError.
//
// The spec's Encode and Decode over our UTF-8 (WTF-8) strings: encoding percent-escapes
// the UTF-8 bytes of every code point outside the unescaped set, and a lone surrogate (a
// string sliced through a pair) cannot be encoded, so it is a URIError. Decoding accepts
// only well-formed UTF-8 escape sequences (no overlong forms, no surrogates, nothing past
// U+10FFFF). decodeURI leaves an escape of a reserved character (";/?:@&=+$,#") as it is
// written, so decoding a whole URI does not change its structure.
#include "runtime/core/utf8.h"
#include "runtime/lib/natives.h"

#include <string>

namespace molt {

namespace {

constexpr std::string_view kUnreservedMarks = "-_.!~*'()";
constexpr std::string_view kReserved = ";/?:@&=+$,#";

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Value throwUriError(VM& vm) {
    Value cls = vm.global("URIError");
    if (!isKind(cls, ObjKind::Class)) return vm.throwError(vm.errorClass, "URI malformed");
    return vm.throwError(as<Class>(cls), "URI malformed");
}

Value encode(VM& vm, Value* args, int argc, bool component) {
    Value v = toStringValue(vm, arg(args, argc, 0));
    if (v.isException()) return v;
    Root keep(vm.heap, v);
    std::string_view s = asString(v)->view();
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char c = s[i];
        if (isAlnum(c) || kUnreservedMarks.find(c) != std::string_view::npos ||
            (!component && kReserved.find(c) != std::string_view::npos)) {
            out += c;
            ++i;
            continue;
        }
        size_t start = i;
        uint32_t cp = decodeUtf8(s, i);
        if (cp >= 0xD800 && cp <= 0xDFFF) return throwUriError(vm);
        for (size_t k = start; k < i; ++k) {
            uint8_t b = uint8_t(s[k]);
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 15];
        }
    }
    return vm.str(out);
}

// The byte of the escape "%XX" at s[i], or -1.
int escapedByte(std::string_view s, size_t i) {
    if (i + 2 >= s.size() || s[i] != '%') return -1;
    int hi = hexDigitValue(uint8_t(s[i + 1])), lo = hexDigitValue(uint8_t(s[i + 2]));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

Value decode(VM& vm, Value* args, int argc, bool component) {
    Value v = toStringValue(vm, arg(args, argc, 0));
    if (v.isException()) return v;
    Root keep(vm.heap, v);
    std::string_view s = asString(v)->view();
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '%') {
            out += s[i++];
            continue;
        }
        int b = escapedByte(s, i);
        if (b < 0) return throwUriError(vm);
        if (b < 0x80) {
            if (!component && kReserved.find(char(b)) != std::string_view::npos)
                out.append(s.substr(i, 3));
            else
                out += char(b);
            i += 3;
            continue;
        }
        int extra = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0) return throwUriError(vm);
        uint32_t cp = uint32_t(b) & (0x3F >> extra);
        std::string bytes(1, char(b));
        size_t j = i + 3;
        for (int k = 0; k < extra; ++k, j += 3) {
            int c = escapedByte(s, j);
            if (c < 0 || (c & 0xC0) != 0x80) return throwUriError(vm);
            cp = (cp << 6) | uint32_t(c & 0x3F);
            bytes += char(c);
        }
        constexpr uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMinimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return throwUriError(vm);
        out += bytes;
        i = j;
    }
    return vm.str(out);
}

Value encodeUriComponent(VM& vm, Value, Value* args, int argc) {
    return encode(vm, args, argc, true);
}
Value encodeUri(VM& vm, Value, Value* args, int argc) {
    return encode(vm, args, argc, false);
}
Value decodeUriComponent(VM& vm, Value, Value* args, int argc) {
    return decode(vm, args, argc, true);
}
Value decodeUri(VM& vm, Value, Value* args, int argc) {
    return decode(vm, args, argc, false);
}

} // namespace

void installUriBuiltins(VM& vm) {
    Class* uriError = vm.newBuiltinClass("URIError", vm.errorClass);
    vm.defineGlobal("URIError", Value::object(uriError));
    vm.defineGlobal("encodeURIComponent",
                    Value::object(vm.newNative("encodeURIComponent", encodeUriComponent, 1)));
    vm.defineGlobal("encodeURI", Value::object(vm.newNative("encodeURI", encodeUri, 1)));
    vm.defineGlobal("decodeURIComponent",
                    Value::object(vm.newNative("decodeURIComponent", decodeUriComponent, 1)));
    vm.defineGlobal("decodeURI", Value::object(vm.newNative("decodeURI", decodeUri, 1)));
}

} // namespace molt
