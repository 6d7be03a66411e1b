#include "runtime/core/utf8.h"

namespace molt {

uint32_t decodeUtf8(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return uint8_t(s[k]); };
    uint8_t b0 = byte(i);
    if (b0 < 0x80) {
        i += 1;
        return b0;
    }
    auto cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
    if ((b0 & 0xE0) == 0xC0 && cont(i + 1)) {
        uint32_t cp = (uint32_t(b0 & 0x1F) << 6) | (byte(i + 1) & 0x3F);
        i += 2;
        return cp;
    }
    if ((b0 & 0xF0) == 0xE0 && cont(i + 1) && cont(i + 2)) {
        uint32_t cp = (uint32_t(b0 & 0x0F) << 12) | (uint32_t(byte(i + 1) & 0x3F) << 6) |
                      (byte(i + 2) & 0x3F);
        i += 3;
        return cp;
    }
    if ((b0 & 0xF8) == 0xF0 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
        uint32_t cp = (uint32_t(b0 & 0x07) << 18) | (uint32_t(byte(i + 1) & 0x3F) << 12) |
                      (uint32_t(byte(i + 2) & 0x3F) << 6) | (byte(i + 3) & 0x3F);
        i += 4;
        return cp;
    }
    i += 1;
    return 0xFFFD;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::u16string utf8ToUtf16(std::string_view s) {
    std::u16string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = decodeUtf8(s, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += char16_t(0xD800 + (cp >> 10));
            out += char16_t(0xDC00 + (cp & 0x3FF));
        } else {
            out += char16_t(cp);
        }
    }
    return out;
}

std::string utf16ToUtf8(std::u16string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        uint32_t u = s[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
            s[i + 1] <= 0xDFFF) {
            uint32_t cp = 0x10000 + ((u - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            appendUtf8(out, cp);
            ++i;
        } else {
            appendUtf8(out, u); // lone surrogates keep their 3-byte (WTF-8) form
        }
    }
    return out;
}

size_t utf16LengthOf(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) n += (c >= 0xF0) ? 2 : 1;
    }
    return n;
}

void appendJsonQuoted(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < s.size();) {
        unsigned char c = uint8_t(s[i]);
        if (c < 0x80) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += char(c);
                }
            }
            ++i;
            continue;
        }
        size_t start = i;
        uint32_t cp = decodeUtf8(s, i);
        if (cp >= 0xD800 && cp <= 0xDFFF) { // a lone surrogate (WTF-8)
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(cp >> shift) & 15];
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    out += '"';
}

std::string jsonQuoted(std::string_view s) {
    std::string out;
    appendJsonQuoted(out, s);
    return out;
}

} // namespace molt
