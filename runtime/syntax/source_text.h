// source_text.h — reading a program's source files: the one door every source comes in by.
//
// The CLI (main modules, new versions, patches, files to check), the module loader
// (`require`) and the DSU's program reader all read sources here, so a file is refused
// the same way wherever it is named. What passes is text the syntax layer can take as it
// is: valid UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF) and no NUL
// byte. A binary file would otherwise parse into a wall of syntax errors that echo its
// bytes to a terminal; it is refused by name instead, and its bytes are never shown.
//
// A directory is refused before it is opened (on Linux a directory opens and then fails
// to read, with a reason that does not say what went wrong).
#pragma once

#include <string>
#include <string_view>

namespace molt {

struct [[nodiscard]] SourceText {
    enum class Failure { None, Unreadable, Directory, NotText };
    Failure failure = Failure::None;
    std::string text;   // the file's bytes, when ok()
    std::string reason; // the system's words, when Unreadable ("No such file or directory")

    bool ok() const { return failure == Failure::None; }
    // Why there is no text, naming the file as `shownPath`, on one line without a newline:
    // "cannot read 'x.js': No such file or directory", "'.' is a directory, not a JavaScript
    // file", "x.js: not a text file (binary or not UTF-8)". Empty when ok().
    std::string describe(std::string_view shownPath) const;
};

// Reads the file at `path` as source text (see above).
SourceText readSourceText(const std::string& path);

// Whether `bytes` is valid UTF-8 without a NUL byte.
bool isSourceText(std::string_view bytes);

} // namespace molt
