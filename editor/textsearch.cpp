#include "editor/textsearch.h"

#include "editor/qsci.h"

namespace molt::editor::Internal {

namespace {

using B = QsciScintillaBase;

// SendScintilla for messages with integer arguments only (its overloads are ambiguous).
long sci(QsciScintilla& editor, unsigned int msg, unsigned long wParam = 0, long lParam = 0) {
    return editor.SendScintilla(msg, wParam, lParam);
}

int searchFlags(const FindOptions& o) {
    int flags = 0;
    if (o.caseSensitive) flags |= B::SCFIND_MATCHCASE;
    if (o.wholeWord) flags |= B::SCFIND_WHOLEWORD;
    if (o.regex) flags |= B::SCFIND_REGEXP | B::SCFIND_CXX11REGEX;
    return flags;
}

} // namespace

bool search(QsciScintilla& editor, const FindOptions& options, bool forward) {
    if (options.text.isEmpty()) return false;
    QByteArray needle = options.text.toUtf8();
    const long length = long(sci(editor, B::SCI_GETLENGTH));
    sci(editor, B::SCI_SETSEARCHFLAGS, searchFlags(options));
    auto tryRange = [&](long from, long to) {
        sci(editor, B::SCI_SETTARGETRANGE, from, to);
        return editor.SendScintilla(B::SCI_SEARCHINTARGET, uintptr_t(needle.size()),
                                    needle.constData()) >= 0;
    };
    long selStart = long(sci(editor, B::SCI_GETSELECTIONSTART));
    long selEnd = long(sci(editor, B::SCI_GETSELECTIONEND));
    bool found = forward ? tryRange(selEnd, length) : tryRange(selStart, 0);
    if (!found && options.wrap) found = forward ? tryRange(0, selEnd) : tryRange(length, selEnd);
    if (!found) return false;
    long b = long(sci(editor, B::SCI_GETTARGETSTART)), e = long(sci(editor, B::SCI_GETTARGETEND));
    sci(editor, B::SCI_ENSUREVISIBLEENFORCEPOLICY, sci(editor, B::SCI_LINEFROMPOSITION, b));
    sci(editor, B::SCI_SETSEL, b, e);
    return true;
}

bool replaceCurrent(QsciScintilla& editor, const FindOptions& options, const QString& replacement) {
    long selStart = long(sci(editor, B::SCI_GETSELECTIONSTART));
    long selEnd = long(sci(editor, B::SCI_GETSELECTIONEND));
    bool replaced = false;
    if (selEnd > selStart && !options.text.isEmpty()) {
        QByteArray needle = options.text.toUtf8();
        sci(editor, B::SCI_SETSEARCHFLAGS, searchFlags(options));
        sci(editor, B::SCI_SETTARGETRANGE, selStart, selEnd);
        if (editor.SendScintilla(B::SCI_SEARCHINTARGET, uintptr_t(needle.size()),
                                 needle.constData()) == selStart &&
            sci(editor, B::SCI_GETTARGETEND) == selEnd) {
            QByteArray with = replacement.toUtf8();
            long n = long(
                editor.SendScintilla(options.regex ? B::SCI_REPLACETARGETRE : B::SCI_REPLACETARGET,
                                     uintptr_t(with.size()), with.constData()));
            sci(editor, B::SCI_SETSEL, selStart + n, selStart + n);
            replaced = true;
        }
    }
    search(editor, options, true);
    return replaced;
}

int replaceAll(QsciScintilla& editor, const FindOptions& options, const QString& replacement) {
    if (options.text.isEmpty()) return 0;
    QByteArray needle = options.text.toUtf8();
    QByteArray with = replacement.toUtf8();
    int count = 0;
    editor.beginUndoAction();
    sci(editor, B::SCI_SETSEARCHFLAGS, searchFlags(options));
    long pos = 0;
    for (;;) {
        long length = long(sci(editor, B::SCI_GETLENGTH));
        if (pos > length) break;
        sci(editor, B::SCI_SETTARGETRANGE, pos, length);
        long found = long(editor.SendScintilla(B::SCI_SEARCHINTARGET, uintptr_t(needle.size()),
                                               needle.constData()));
        if (found < 0) break;
        long matchEnd = long(sci(editor, B::SCI_GETTARGETEND));
        long n =
            long(editor.SendScintilla(options.regex ? B::SCI_REPLACETARGETRE : B::SCI_REPLACETARGET,
                                      uintptr_t(with.size()), with.constData()));
        ++count;
        pos = found + n;
        // An empty match would be found again at the same place: step over one character.
        if (matchEnd == found) {
            if (pos >= long(sci(editor, B::SCI_GETLENGTH))) break;
            pos = long(sci(editor, B::SCI_POSITIONAFTER, pos));
        }
    }
    editor.endUndoAction();
    return count;
}

} // namespace molt::editor::Internal
