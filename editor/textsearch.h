// textsearch.h — find and replace in an editor's text, with Scintilla's search: plain,
// whole word, case, or ECMAScript regular expressions (\1.. in replacements). Positions are
// bytes (the text is UTF-8); a found match becomes the selection and is scrolled into view.
#pragma once

#include <QString>

class QsciScintilla;

namespace molt::editor {

struct FindOptions {
    QString text;
    bool caseSensitive = false;
    bool regex = false; // ECMAScript syntax (std::regex); \1.. in replacements
    bool wholeWord = false;
    bool wrap = true;
};

namespace Internal {

// From the selection forward (or back), wrapping around when `wrap`.
bool search(QsciScintilla& editor, const FindOptions& options, bool forward);
// Replaces the selection if it is a match, then selects the next match.
bool replaceCurrent(QsciScintilla& editor, const FindOptions& options, const QString& replacement);
// Every match, as one undo step; the number replaced.
int replaceAll(QsciScintilla& editor, const FindOptions& options, const QString& replacement);

} // namespace Internal
} // namespace molt::editor
