// Helpers shared by the editor suites.
#pragma once

#include "editor/codeeditor.h"

#include <QByteArray>

namespace molt::editor::test {

inline QByteArray bytes(const CodeEditor& e) {
    return e.text().toUtf8();
}

// Byte position of the `nth` occurrence of `needle` (plus `offset`); -1 when absent.
inline int posOf(const CodeEditor& e, const char* needle, int nth = 0, int offset = 0) {
    QByteArray text = bytes(e);
    qsizetype at = -1;
    for (int i = 0; i <= nth; ++i) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) return -1;
    }
    return int(at) + offset;
}

inline long sci(const CodeEditor& e, unsigned int msg, unsigned long w = 0, long l = 0) {
    return e.SendScintilla(msg, w, l);
}

} // namespace molt::editor::test
