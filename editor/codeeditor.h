// codeeditor.h — the JavaScript editor widget: QScintilla driven by a tree-sitter parse.
//
// The editor keeps one TSTree for its text. Every insertion or deletion Scintilla reports
// (SCN_MODIFIED, byte offsets since the document is UTF-8) is applied to the tree with
// ts_tree_edit, the text is re-parsed with the old tree, and only the ranges whose syntax
// changed (ts_tree_get_changed_ranges) plus the edited lines are restyled, re-folded and
// re-checked for syntax errors — synchronously, so the text is never drawn with stale
// styles. Steps of a multi-step undo and edits inside an edit batch only edit the tree; the
// re-parse runs once at the last step / the end of the batch. The outline and the symbol
// index are refreshed after the user pauses typing (analysisDelay), or at once with
// refreshAnalysis().
//
// The pause's work is whole-file work (the definitions query over the whole tree, and
// around syntax errors a parse from scratch): on a 10,000-line file it took 90–380 ms, a
// stall the user met when typing on after a short pause. It runs on a worker thread, on a
// copy of the tree (ts_tree_copy) and of the text, and its result is applied on the UI
// thread only if the text is still the revision it analysed. A parse from scratch that
// comes back late is not thrown away (typing on after a short pause would otherwise never
// get one, and the incremental tree's own error recovery makes every re-parse slower): the
// edits made meanwhile are applied to it and it is re-parsed incrementally on the worker,
// and that tree replaces the editor's; the outline waits for the next pause's exact
// analysis. refreshAnalysis() does the same work synchronously.
//
// A keystroke's re-parse of a text with syntax errors grows with the errors, not with the
// edit: tree-sitter reuses no ERROR, MISSING or error-recovery node, so it recovers from
// every error again (3 ms with 58 errors in a 10,000-line file, 0.4 ms without). Once such a
// re-parse of a text of kBackgroundParseBytes or more took kBackgroundParseMs, the next
// keystrokes re-parse on a parse thread, on a copy of the edited tree and of the text: the
// keystroke restyles only its own lines from the edited tree (its nodes have moved with the
// text) and returns with the re-parse pending; the new tree, with the ranges where it
// changed, is applied on the UI thread if the text is still the one it parsed, else the
// text as it is now is parsed again. What needs the exact tree now (flushReparse,
// refreshAnalysis, go-to-definition) parses here at once and drops the one in flight; the
// pause's analysis waits for it.
//
// Invariant: whenever no re-parse is pending, the style of every byte, the fold level of
// every line and the syntax-error underlines are those the current tree gives, and equal
// those a fresh editor computes for the same text whenever the incremental tree equals a
// fresh parse. Around syntax errors tree-sitter's incremental error recovery can differ from
// a parse from scratch; refreshAnalysis (run when typing pauses) then parses from scratch
// and restyles the difference. tests/editor/tst_highlighting checks both with random edits.
#pragma once

#include "editor/completion.h"
#include "editor/constants.h"
#include "editor/diagnostic.h"
#include "editor/diagnosticmarks.h"
#include "editor/qsci.h"
#include "editor/symbolindex.h"
#include "editor/textsearch.h"
#include "editor/theme.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <tree_sitter/api.h>
#include <utility>
#include <vector>

namespace molt::editor {

class OutlineModel;

class CodeEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit CodeEditor(QWidget* parent = nullptr);
    ~CodeEditor() override;

    // --- files -----------------------------------------------------------------------
    QString filePath() const { return path_; }
    void setFilePath(const QString& path);
    // Replaces the text with the file's (UTF-8), clears undo history and the modified flag.
    bool loadFile(const QString& path, QString* error = nullptr);
    // Writes the text to `path` (default: filePath()) and marks it unmodified.
    bool saveFile(const QString& path = {}, QString* error = nullptr);

    // --- appearance ------------------------------------------------------------------
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }
    void setFontFamily(const QString& family);
    void setFontSize(int pointSize);
    QString fontFamily() const { return fontFamily_; }
    int fontSize() const { return fontSize_; }

    // --- syntax ----------------------------------------------------------------------
    const TSTree* tree() const { return tree_; }
    // Re-parses now if a batch, an undo or the parse thread left a re-parse pending.
    void flushReparse();
    bool isReparsePending() const { return reparsePending_; }
    // A keystroke in a text of at least `minBytes` with syntax errors whose last re-parse
    // took at least `ms` re-parses on the parse thread (defaults kBackgroundParseMs,
    // kBackgroundParseBytes: a small text always re-parses here, however busy the
    // machine); off: always here.
    void setBackgroundParse(bool allowed, double ms = kBackgroundParseMs,
                            unsigned minBytes = kBackgroundParseBytes) {
        backgroundParseAllowed_ = allowed;
        backgroundParseMs_ = ms;
        backgroundParseBytes_ = minBytes;
    }
    // flushReparse, then styles all text still waiting to be styled: a change that restyles
    // more than kSynchronousStyleBytes styles the visible lines at once and the rest in idle
    // time (or when scrolled into view).
    void finishStyling();
    bool hasPendingStyling() const { return !pendingStyle_.empty(); }
    // Restyles, refolds and rechecks the whole text from the current tree.
    void rehighlightAll();
    // The highlights.scm capture that styles the byte at `position` ("" when none).
    QString captureAt(int position) const;
    int styleAt(int position) const;
    int foldLevelAt(int line) const; // SCI_GETFOLDLEVEL of a 0-based line
    // Edits between begin and end re-parse once, at the end. Nests.
    void beginEditBatch();
    void endEditBatch();

    // --- diagnostics -----------------------------------------------------------------
    // Compile errors from the runtime, underlined and marked in the margin. They move with
    // the text as it is edited; one whose line is edited or deleted goes at the next
    // re-parse (with the annotation under that line): the compiler spoke of the old text,
    // and the parse's own syntax errors now speak of the new one.
    void setDiagnostics(const QList<Diagnostic>& diagnostics);
    void clearDiagnostics() { setDiagnostics({}); }
    QList<Diagnostic> diagnostics() const { return marks_.diagnostics(); }
    // The parse's ERROR and MISSING nodes, as diagnostics.
    QList<Diagnostic> syntaxErrors() const;
    // The message shown when hovering `position`: compile diagnostics first, then syntax.
    QString diagnosticMessageAt(int position) const;

    // --- navigation ------------------------------------------------------------------
    void goToLine(int line, int column = 1); // 1-based, column in characters
    // Ctrl+/: comments the selected lines (or the caret's) out with `// ` at their least
    // indentation, or, when every non-blank one is commented, uncomments them. One undo
    // step; blank lines are left alone.
    void toggleComment();
    // Byte position of the brace matching the one at `position`, -1 if none (braces inside
    // strings and comments do not count).
    int matchingBrace(int position) const;
    OutlineModel* outlineModel() const { return outline_; }
    // The index go-to-definition searches; the editor keeps its own entry in it current.
    // Without one the editor uses a private index of its own text.
    void setSymbolIndex(SymbolIndex* index);
    SymbolIndex* symbolIndex() const { return index_; }
    // The definition of the word at `position` (default: the cursor), best match first.
    QList<SymbolLocation> definitionsAt(int position = -1);
    // Jumps to the best definition: in this file directly, otherwise by emitting
    // definitionRequested. False when the word has no definition.
    bool goToDefinition(int position = -1);
    void setAnalysisDelay(int ms) { analysisTimer_.setInterval(ms); }
    // True while a pause's analysis runs on the worker thread (until its result is in).
    bool isAnalysing() const { return analysisBusy_; }
    // Rebuilds the outline and this file's symbol-index entry now (and, when the text has
    // syntax errors, re-parses it from scratch, see above).
    void refreshAnalysis();

    // --- completion (editor/completion.h) ------------------------------------------------
    // What completion offers at `position` (default: the cursor), from the current tree.
    CompletionResult completionsAt(int position = -1);
    // Ctrl+Space: shows the list at the cursor (Up/Down move, Return or Tab inserts, Escape
    // closes). It also opens by itself after `.` and after kCompletionMinPrefix identifier
    // characters at the end of a word, unless automatic completion is off; typing on with
    // it open narrows it.
    void showCompletions();
    void setAutoCompletion(bool on) { autoCompletion_ = on; }
    bool isCompletionListShown() const;

    // --- find and replace (byte positions, Scintilla's search) --------------------------
    bool findNext(const FindOptions& options);
    bool findPrevious(const FindOptions& options);
    // Replaces the selection if it is a match, then selects the next match.
    bool replaceCurrent(const FindOptions& options, const QString& replacement);
    int replaceAll(const FindOptions& options, const QString& replacement);

Q_SIGNALS:
    void definitionRequested(const QString& path, int line, int column);
    void reparsed();
    void syntaxErrorsChanged();
    void outlineUpdated();
    void findRequested(); // Ctrl+F
    void saved(const QString& path);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onModified(int position, int type, const char* text, int length, int linesAdded, int line,
                    int foldNow, int foldPrev, int token, int annotationLines);
    void onStyleNeeded(int position);
    void onCharAdded(int ch);
    void onDwellStart(int position, int x, int y);
    enum class CompletionTrigger { Explicit, Automatic, Narrowing };
    void updateCompletions(CompletionTrigger trigger);
    void insertCompletion(int id, const QString& text);
    void registerCompletionImages();
    void reparse(bool mayDefer = false); // mayDefer: a keystroke, may use the parse thread
    using ByteRanges = std::vector<std::pair<uint32_t, uint32_t>>;
    void finishReparse(ByteRanges changed); // restyle, recheck, signal: the new tree is in
    struct BackgroundParse;
    void startBackgroundParse();
    void onBackgroundParsed(BackgroundParse& job);
    void styleEditedLines(); // from the edited tree, while the new one is being parsed
    void styleRanges(const ByteRanges& ranges); // whole lines, sorted, disjoint
    void stylePending(uint32_t budget, bool visibleOnly);
    std::pair<uint32_t, uint32_t> visibleBytes() const; // visible lines plus a margin
    void restyle(uint32_t begin, uint32_t end); // styles and fold levels of those bytes' lines
    void refold(uint32_t firstRow, uint32_t lastRow,
                std::vector<uint32_t>* headersBefore = nullptr);
    void updateSyntaxErrors();
    // Whole lines of `ranges` (any order), merged with what is pending: restyled now when
    // small, else the visible lines now and the rest in idle time.
    void styleChanged(ByteRanges ranges);
    struct Analysis;
    void startAnalysis(); // on a worker thread; the result comes back to applyAnalysis
    void runOnWorker(std::shared_ptr<Analysis> analysis, std::function<void(Analysis&)> job);
    void applyAnalysis(Analysis& analysis);
    void applyStyles();
    void updateLineNumberWidth();
    void autoIndentNewLine();
    void dedentClosingBrace();
    std::string_view documentText() const;
    // SendScintilla for messages with integer arguments only (its overloads are ambiguous).
    long sci(unsigned int msg, unsigned long wParam = 0, long lParam = 0) const {
        return SendScintilla(msg, wParam, lParam);
    }
    TSPoint pointOf(int position) const;

    QString path_;
    Theme theme_;
    QString fontFamily_;
    int fontSize_ = 10;
    TSParser* parser_ = nullptr;
    TSTree* tree_ = nullptr;
    bool reparsePending_ = false;
    bool fullParsePending_ = false;
    int batchDepth_ = 0;
    uint32_t dirtyBegin_ = 0, dirtyEnd_ = 0; // edited bytes since the last parse
    bool dirty_ = false;
    std::vector<uint32_t> headerRows_; // rows to refold after restyling, see styleRanges()
    ByteRanges pendingStyle_;          // changed lines not styled yet, whole lines
    QTimer styleTimer_;
    Internal::DiagnosticMarks marks_; // compile diagnostics and syntax errors, as shown
    OutlineModel* outline_ = nullptr;
    QPointer<SymbolIndex> index_; // falls back to ownIndex_ when unset or destroyed
    std::unique_ptr<SymbolIndex> ownIndex_;
    QTimer analysisTimer_;
    bool analysisPending_ = false; // the outline and index are older than the text
    uint64_t revision_ = 0;        // counts the text's changes
    QThreadPool analysisPool_;     // one worker thread: one analysis at a time
    bool analysisBusy_ = false;
    bool analysisAgain_ = false; // the pause came while the worker was busy
    // The edits made while the worker analyses: a parse from scratch that comes back for an
    // older text catches up with them (on the worker) instead of being thrown away.
    std::vector<TSInputEdit> editsSinceAnalysis_;
    bool editsDescribed_ = true; // false after an edit tree-sitter could not be told of
    int lineNumberDigits_ = 0;
    bool autoCompletion_ = true;
    bool completionShown_ = false;    // the active user list, if any, is completion's
    long completionDismissedAt_ = -1; // Escape closed the list on the word starting here
    QThreadPool parsePool_;        // one thread: a keystroke's re-parse of a text with errors
    bool backgroundParse_ = false; // a re-parse is on the parse thread
    uint64_t parseGeneration_ = 0; // a re-parse here makes the one in flight stale
    double errorParseMs_ = 0;      // the last re-parse of a tree with errors took this
    bool backgroundParseAllowed_ = true;
    double backgroundParseMs_ = kBackgroundParseMs;
    unsigned backgroundParseBytes_ = kBackgroundParseBytes;
};

} // namespace molt::editor
