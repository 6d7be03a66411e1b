#include "runtime/syntax/source_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace molt {

std::string SourceText::describe(std::string_view shownPath) const {
    std::string path(shownPath);
    switch (failure) {
    case Failure::None: return "";
    case Failure::Unreadable: return "cannot read '" + path + "': " + reason;
    case Failure::Directory: return "'" + path + "' is a directory, not a JavaScript file";
    case Failure::NotText: return path + ": not a text file (binary or not UTF-8)";
    }
    return "";
}

bool isSourceText(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c == 0) return false;
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The length of the sequence and the range its second byte must fall in, which
        // rules out overlong forms (C0, C1, E0 80-9F, F0 80-8F), surrogates (ED A0-BF) and
        // code points past U+10FFFF (F4 90-BF, F5-FF).
        size_t length;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            return false;
        }
        if (n - i < length) return false;
        if (p[i + 1] < low || p[i + 1] > high) return false;
        for (size_t k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
        i += length;
    }
    return true;
}

SourceText readSourceText(const std::string& path) {
    SourceText out;
    struct stat info;
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        out.failure = SourceText::Failure::Directory;
        return out;
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        out.failure = SourceText::Failure::Unreadable;
        out.reason = std::strerror(errno);
        return out;
    }
    char buffer[65536];
    size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        out.text.append(buffer, got);
    bool failed = std::ferror(file) != 0;
    int error = errno;
    std::fclose(file);
    if (failed) {
        out.failure = SourceText::Failure::Unreadable;
        out.reason = std::strerror(error);
        out.text.clear();
        return out;
    }
    if (!isSourceText(out.text)) {
        out.failure = SourceText::Failure::NotText;
        out.text.clear();
    }
    return out;
}

} // namespace molt
