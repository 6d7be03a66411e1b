// utf8.h — the one UTF-8 <-> UTF-16 codec of the runtime.
//
// Molt's strings are UTF-8; JavaScript's are UTF-16 code units. Hosted strings may hold
// lone surrogates (`"\uD800"`), so the codec is WTF-8: a lone surrogate keeps its 3-byte
// form in both directions instead of becoming U+FFFD, and a string survives a round trip
// through the compiler, the built-ins and back unchanged. Malformed bytes (only possible
// from outside: files are checked by readSourceText) decode as U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace molt {

// Decodes one code point at s[i] (advancing i); lone surrogates come back as themselves.
uint32_t decodeUtf8(std::string_view s, size_t& i);
// Appends one code point (or a lone surrogate) in its UTF-8 (WTF-8) form.
void appendUtf8(std::string& out, uint32_t codePoint);
std::u16string utf8ToUtf16(std::string_view s);
std::string utf16ToUtf8(std::u16string_view s);
// The value of a hexadecimal digit (0-9, a-f, A-F), or -1.
inline int hexDigitValue(uint32_t c) {
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
}
// The length JavaScript sees: UTF-16 code units.
size_t utf16LengthOf(std::string_view s);
// `s` as a JSON string literal (JSON.stringify's quoting: control characters and lone
// surrogates escaped). Also a valid JavaScript string literal, which is how the patch writer,
// the refactorings and the update report quote names and values.
void appendJsonQuoted(std::string& out, std::string_view s);
std::string jsonQuoted(std::string_view s);

} // namespace molt
