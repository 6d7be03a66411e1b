#include "editor/codeeditor.h"

#include "editor/constants.h"
#include "editor/definitions.h"
#include "editor/diagnosticmarks.h"
#include "editor/folding.h"
#include "editor/highlighter.h"
#include "editor/outlinemodel.h"
#include "editor/syntaxerrors.h"
#include "editor/textsearch.h"
#include "runtime/syntax/syntax.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QToolTip>
#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <utility>

namespace molt::editor {

using Base = QsciScintillaBase;
using Internal::Highlighter;

namespace {

// The row/column extent `text` adds after `start` (tree-sitter counts rows at '\n').
TSPoint advance(TSPoint start, const char* text, int length) {
    TSPoint p = start;
    for (int i = 0; i < length; ++i) {
        if (text[i] == '\n') {
            ++p.row;
            p.column = 0;
        } else {
            ++p.column;
        }
    }
    return p;
}

// The byte ranges where two parses of the same text differ in structure.
void differingRanges(TSNode a, TSNode b, std::vector<std::pair<uint32_t, uint32_t>>& out) {
    const uint32_t count = ts_node_child_count(a);
    if (ts_node_symbol(a) != ts_node_symbol(b) || ts_node_start_byte(a) != ts_node_start_byte(b) ||
        ts_node_end_byte(a) != ts_node_end_byte(b) || count != ts_node_child_count(b) ||
        ts_node_is_missing(a) != ts_node_is_missing(b)) {
        out.emplace_back(std::min(ts_node_start_byte(a), ts_node_start_byte(b)),
                         std::max(ts_node_end_byte(a), ts_node_end_byte(b)));
        return;
    }
    if (count == 0) return;
    TSTreeCursor ca = ts_tree_cursor_new(a), cb = ts_tree_cursor_new(b);
    ts_tree_cursor_goto_first_child(&ca);
    ts_tree_cursor_goto_first_child(&cb);
    do {
        TSNode ka = ts_tree_cursor_current_node(&ca), kb = ts_tree_cursor_current_node(&cb);
        if (ts_tree_cursor_current_field_id(&ca) != ts_tree_cursor_current_field_id(&cb))
            out.emplace_back(ts_node_start_byte(ka), ts_node_end_byte(ka));
        else
            differingRanges(ka, kb, out);
        ts_tree_cursor_goto_next_sibling(&cb);
    } while (ts_tree_cursor_goto_next_sibling(&ca));
    ts_tree_cursor_delete(&ca);
    ts_tree_cursor_delete(&cb);
}

} // namespace

// What a pause's analysis found for one revision of the text. Filled on the worker thread
// (or inline by refreshAnalysis); owns the fresh tree until applyAnalysis takes it.
struct CodeEditor::Analysis {
    uint64_t revision = 0;
    TSTree* fresh = nullptr; // a parse from scratch, when the analysed tree had errors
    ByteRanges differences;  // where `fresh` differs from the analysed tree
    std::vector<Internal::Definition> definitions;
    ~Analysis() {
        if (fresh) ts_tree_delete(fresh);
    }

    // Takes `tree` (a copy the caller made for this analysis) and reads `text` only.
    static void run(Analysis& a, TSTree* tree, std::string_view text) {
        TSNode root = ts_tree_root_node(tree);
        if (ts_node_has_error(root)) {
            // Around syntax errors an incremental re-parse may recover differently from a
            // parse of the same text from scratch: parse from scratch, and note where the
            // two trees differ (ts_tree_get_changed_ranges only relates a tree to its
            // edited successor, so compare them node by node).
            TSParser* parser = ts_parser_new();
            ts_parser_set_language(parser, javascriptLanguage());
            a.fresh = ts_parser_parse_string(parser, nullptr, text.data(), uint32_t(text.size()));
            ts_parser_delete(parser);
            differingRanges(root, ts_tree_root_node(a.fresh), a.differences);
            root = ts_tree_root_node(a.fresh);
        }
        a.definitions = Internal::extractDefinitions(root, text);
        ts_tree_delete(tree);
    }

    // A late parse from scratch (`stale`, of an older text) brought up to `text` with the
    // edits made since, incrementally; `current` is (a copy of) the editor's tree for
    // `text`. Takes both trees. No definitions: this is no exact analysis.
    bool catchUp = false;
    static void runCatchUp(Analysis& a, TSTree* stale, const std::vector<TSInputEdit>& edits,
                           TSTree* current, std::string_view text) {
        a.catchUp = true;
        for (const TSInputEdit& e : edits)
            ts_tree_edit(stale, &e);
        TSParser* parser = ts_parser_new();
        ts_parser_set_language(parser, javascriptLanguage());
        a.fresh = ts_parser_parse_string(parser, stale, text.data(), uint32_t(text.size()));
        ts_parser_delete(parser);
        differingRanges(ts_tree_root_node(current), ts_tree_root_node(a.fresh), a.differences);
        ts_tree_delete(stale);
        ts_tree_delete(current);
    }
};

CodeEditor::CodeEditor(QWidget* parent)
    : QsciScintilla(parent), theme_(Theme::light()),
      fontFamily_(QFontDatabase::systemFont(QFontDatabase::FixedFont).family()), marks_(this),
      outline_(new OutlineModel(this)), ownIndex_(std::make_unique<SymbolIndex>()) {
    index_ = ownIndex_.get();
    parser_ = ts_parser_new();
    ts_parser_set_language(parser_, javascriptLanguage());
    tree_ = ts_parser_parse_string(parser_, nullptr, "", 0);

    setUtf8(true);
    setEolMode(EolUnix);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    setTabWidth(2);
    setBackspaceUnindents(true);
    setAutoIndent(false); // ours: +1 level after an opening bracket, dedent on `}`
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    // We style the text ourselves: container lexing, so Scintilla never restyles it.
    sci(SCI_SETLEXER, SCLEX_CONTAINER);
    SendScintilla(SCI_SETWORDCHARS, 0UL,
                  "_$#abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    sci(SCI_SETMOUSEDWELLTIME, kDwellTimeMs);
    // Redo is Ctrl+Y and, as the Edit menu says on Linux, Ctrl+Shift+Z too.
    if (QsciCommand* redo = standardCommands()->find(QsciCommand::Redo))
        redo->setAlternateKey((Qt::CTRL | Qt::SHIFT | Qt::Key_Z).toCombined());
    // Ctrl+/ is Toggle Comment here, as in most editors, not Scintilla's word-part move.
    for (QsciCommand* c : standardCommands()->commands()) {
        if (c->key() == (Qt::CTRL | Qt::Key_Slash).toCombined()) c->setKey(0);
        if (c->alternateKey() == (Qt::CTRL | Qt::Key_Slash).toCombined()) c->setAlternateKey(0);
    }

    setMarginLineNumbers(kLineNumberMargin, true);
    setMarginType(kSymbolMargin, SymbolMargin);
    setMarginWidth(kSymbolMargin, 14);
    setMarginMarkerMask(kSymbolMargin,
                        (1 << kErrorMarker) | (1 << kWarningMarker) | (1 << kInformationMarker));
    markerDefine(Circle, kErrorMarker);
    markerDefine(Circle, kWarningMarker);
    markerDefine(Circle, kInformationMarker);
    setFolding(BoxedTreeFoldStyle, kFoldMargin);
    indicatorDefine(SquiggleIndicator, kSyntaxErrorIndicator);
    indicatorDefine(SquiggleIndicator, kErrorIndicator);
    indicatorDefine(SquiggleIndicator, kWarningIndicator);
    indicatorDefine(DotsIndicator, kInformationIndicator);

    connect(this, &Base::SCN_MODIFIED, this, &CodeEditor::onModified);
    connect(this, &Base::SCN_STYLENEEDED, this, &CodeEditor::onStyleNeeded);
    connect(this, &Base::SCN_CHARADDED, this, &CodeEditor::onCharAdded);
    connect(this, &Base::SCN_DWELLSTART, this, &CodeEditor::onDwellStart);
    connect(this, &Base::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    connect(this, &QsciScintilla::userListActivated, this, &CodeEditor::insertCompletion);
    // Completion lists are shown in our ranking's order (Scintilla still finds typed
    // prefixes in them), closed when nothing in them matches what is typed.
    sci(SCI_AUTOCSETORDER, SC_ORDER_CUSTOM);
    sci(SCI_AUTOCSETAUTOHIDE, 1);
    sci(SCI_AUTOCSETMAXHEIGHT, kCompletionVisibleRows);
    registerCompletionImages();

    styleTimer_.setSingleShot(true);
    styleTimer_.setInterval(0);
    connect(&styleTimer_, &QTimer::timeout, this, [this] { stylePending(kIdleStyleBytes, false); });
    viewport()->installEventFilter(this);

    analysisTimer_.setSingleShot(true);
    analysisTimer_.setInterval(kDefaultAnalysisDelayMs);
    connect(&analysisTimer_, &QTimer::timeout, this, &CodeEditor::startAnalysis);
    analysisPool_.setMaxThreadCount(1);
    parsePool_.setMaxThreadCount(1);

    applyStyles();
    updateLineNumberWidth();
}

CodeEditor::~CodeEditor() {
    // The worker reads nothing of this editor but its own copies; its result, posted to
    // this object, is dropped with it.
    analysisPool_.waitForDone();
    parsePool_.waitForDone();
    if (index_ && index_ != ownIndex_.get() && !path_.isEmpty()) index_->removeFile(path_);
    ts_tree_delete(tree_);
    ts_parser_delete(parser_);
}

// ------------------------------------------------------------------------ files

void CodeEditor::setFilePath(const QString& path) {
    if (path == path_) return;
    if (index_ && !path_.isEmpty()) index_->removeFile(path_);
    path_ = path;
    analysisPending_ = true;
    analysisTimer_.start();
}

bool CodeEditor::loadFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    QByteArray bytes = file.readAll();
    bytes.replace("\r\n", "\n");
    setFilePath(QFileInfo(path).absoluteFilePath());
    setText(QString::fromUtf8(bytes));
    sci(SCI_EMPTYUNDOBUFFER);
    setModified(false);
    refreshAnalysis();
    return true;
}

bool CodeEditor::saveFile(const QString& path, QString* error) {
    QString target = path.isEmpty() ? path_ : path;
    if (target.isEmpty()) {
        if (error) *error = tr("The editor has no file to save to.");
        return false;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    std::string_view text = documentText();
    file.write(text.data(), qint64(text.size()));
    if (!file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    setFilePath(QFileInfo(target).absoluteFilePath());
    setModified(false);
    Q_EMIT saved(path_);
    return true;
}

// ------------------------------------------------------------------------ appearance

void CodeEditor::setTheme(const Theme& theme) {
    theme_ = theme;
    applyStyles();
}

void CodeEditor::setFontFamily(const QString& family) {
    fontFamily_ = family;
    applyStyles();
}

void CodeEditor::setFontSize(int pointSize) {
    fontSize_ = pointSize;
    applyStyles();
}

void CodeEditor::applyStyles() {
    QFont font(fontFamily_, fontSize_);
    font.setStyleHint(QFont::Monospace);
    setPaper(theme_.background);
    setColor(theme_.foreground);
    QByteArray family = fontFamily_.toUtf8();
    SendScintilla(SCI_STYLESETFONT, uintptr_t(STYLE_DEFAULT), family.constData());
    sci(SCI_STYLESETSIZE, STYLE_DEFAULT, fontSize_);
    SendScintilla(SCI_STYLESETFORE, (unsigned long)STYLE_DEFAULT, theme_.foreground);
    SendScintilla(SCI_STYLESETBACK, (unsigned long)STYLE_DEFAULT, theme_.background);
    sci(SCI_STYLECLEARALL);
    const Highlighter& h = Highlighter::instance();
    for (int c = 0; c < h.captureCount(); ++c) {
        int style = h.captureStyles()[size_t(c)];
        if (style == 0) continue;
        QString name = h.captureName(c);
        SendScintilla(SCI_STYLESETFORE, (unsigned long)style, theme_.colorFor(name));
        sci(SCI_STYLESETITALIC, style, long(theme_.isItalic(name)));
        sci(SCI_STYLESETBOLD, style, long(theme_.isBold(name)));
    }
    setMarginsFont(font);
    setMarginsBackgroundColor(theme_.marginBackground);
    setMarginsForegroundColor(theme_.marginForeground);
    setFoldMarginColors(theme_.foldMarginBackground, theme_.foldMarginBackground);
    setCaretForegroundColor(theme_.caret);
    setCaretLineBackgroundColor(theme_.caretLine);
    setSelectionBackgroundColor(theme_.selection);
    setMatchedBraceBackgroundColor(theme_.braceMatchBackground);
    setMatchedBraceForegroundColor(theme_.braceMatchForeground);
    setUnmatchedBraceForegroundColor(theme_.braceBadForeground);
    setUnmatchedBraceBackgroundColor(theme_.background);
    setIndicatorForegroundColor(theme_.error, kSyntaxErrorIndicator);
    setIndicatorForegroundColor(theme_.error, kErrorIndicator);
    setIndicatorForegroundColor(theme_.warning, kWarningIndicator);
    setIndicatorForegroundColor(theme_.information, kInformationIndicator);
    setMarkerBackgroundColor(theme_.error, kErrorMarker);
    setMarkerForegroundColor(theme_.error, kErrorMarker);
    setMarkerBackgroundColor(theme_.warning, kWarningMarker);
    setMarkerForegroundColor(theme_.warning, kWarningMarker);
    setMarkerBackgroundColor(theme_.information, kInformationMarker);
    setMarkerForegroundColor(theme_.information, kInformationMarker);
    lineNumberDigits_ = 0;
    updateLineNumberWidth();
}

void CodeEditor::updateLineNumberWidth() {
    int digits = int(QString::number(std::max(lines(), 1)).size());
    if (digits == lineNumberDigits_) return;
    lineNumberDigits_ = digits;
    setMarginWidth(kLineNumberMargin, QString(digits + 1, u'9'));
}

// ------------------------------------------------------------------------ parsing

std::string_view CodeEditor::documentText() const {
    auto* text = static_cast<const char*>(SendScintillaPtrResult(SCI_GETCHARACTERPOINTER));
    return {text, size_t(sci(SCI_GETLENGTH))};
}

TSPoint CodeEditor::pointOf(int position) const {
    int line = int(sci(SCI_LINEFROMPOSITION, position));
    int start = int(sci(SCI_POSITIONFROMLINE, line));
    return {uint32_t(line), uint32_t(position - start)};
}

void CodeEditor::onModified(int position, int type, const char* text, int length, int, int, int,
                            int, int, int) {
    if (!(type & (SC_MOD_INSERTTEXT | SC_MOD_DELETETEXT)) || length <= 0) return;
    ++revision_;
    const bool insert = type & SC_MOD_INSERTTEXT;
    if (!text || fullParsePending_) editsDescribed_ = false;
    if (!text) {
        fullParsePending_ = true; // a deletion we cannot describe: start over
    } else if (!fullParsePending_) {
        TSPoint start = pointOf(position);
        TSPoint extent = advance(start, text, length);
        uint32_t b = uint32_t(position), e = uint32_t(position + length);
        TSInputEdit edit = insert ? TSInputEdit{b, b, e, start, start, extent}
                                  : TSInputEdit{b, e, b, start, extent, start};
        ts_tree_edit(tree_, &edit);
        if (analysisBusy_) editsSinceAnalysis_.push_back(edit);
    }
    // Track the edited bytes in the coordinates of the new text.
    uint32_t b = uint32_t(position);
    uint32_t oldEnd = insert ? b : b + uint32_t(length);
    uint32_t newEnd = insert ? b + uint32_t(length) : b;
    auto shift = [&](uint32_t p, bool isEnd) -> uint32_t {
        if (p >= oldEnd) return p - oldEnd + newEnd;
        if (p > b) return isEnd ? newEnd : b;
        return p;
    };
    if (dirty_) {
        dirtyBegin_ = std::min(shift(dirtyBegin_, false), b);
        dirtyEnd_ = std::max(shift(dirtyEnd_, true), newEnd);
    } else {
        dirtyBegin_ = b;
        dirtyEnd_ = newEnd;
        dirty_ = true;
    }
    marks_.editText(b, oldEnd, newEnd);
    for (auto& [pb, pe] : pendingStyle_) {
        pb = shift(pb, false);
        pe = std::max(shift(pe, true), pb);
    }
    reparsePending_ = true;
    if (batchDepth_ > 0) return;
    if ((type & (SC_PERFORMED_UNDO | SC_PERFORMED_REDO)) && !(type & SC_LASTSTEPINUNDOREDO)) return;
    reparse(true);
}

void CodeEditor::onStyleNeeded(int position) {
    // The text is always styled (or about to be, at the end of a batch): nothing to lex.
    sci(SCI_STARTSTYLING, position, 0);
}

void CodeEditor::flushReparse() {
    if (reparsePending_) reparse();
}

void CodeEditor::beginEditBatch() {
    ++batchDepth_;
}

void CodeEditor::endEditBatch() {
    if (batchDepth_ > 0 && --batchDepth_ == 0) flushReparse();
}

namespace {

// The ranges where `next` (parsed from the edited `old`) differs from it.
std::vector<std::pair<uint32_t, uint32_t>> changedRanges(const TSTree* old, const TSTree* next) {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    uint32_t count = 0;
    TSRange* changed = ts_tree_get_changed_ranges(old, next, &count);
    for (uint32_t i = 0; i < count; ++i)
        ranges.emplace_back(changed[i].start_byte, changed[i].end_byte);
    free(changed);
    return ranges;
}

double millisecondsSince(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

// A keystroke's re-parse on the parse thread (see codeeditor.h): a copy of the edited tree
// and of the text in, the new tree and where it changed out.
struct CodeEditor::BackgroundParse {
    uint64_t generation = 0, revision = 0;
    TSTree* edited = nullptr; // a copy of the editor's edited tree
    TSTree* parsed = nullptr;
    std::string text;
    ByteRanges changed;
    double ms = 0;
    ~BackgroundParse() {
        if (edited) ts_tree_delete(edited);
        if (parsed) ts_tree_delete(parsed);
    }
};

void CodeEditor::reparse(bool mayDefer) {
    std::string_view text = documentText();
    const bool full = fullParsePending_;
    // A tree with syntax errors re-parses slowly (tree-sitter recovers from every error
    // again): off the keystroke, once a re-parse of it was seen to be slow.
    if (mayDefer && !full && backgroundParseAllowed_ && text.size() >= backgroundParseBytes_ &&
        ts_node_has_error(ts_tree_root_node(tree_)) && errorParseMs_ >= backgroundParseMs_) {
        reparsePending_ = true;
        styleEditedLines();
        if (!backgroundParse_) startBackgroundParse();
        return;
    }
    reparsePending_ = false;
    backgroundParse_ = false;
    ++parseGeneration_; // a re-parse on the parse thread that comes back now is stale
    fullParsePending_ = false;
    TSTree* old = tree_;
    const bool hadErrors = ts_node_has_error(ts_tree_root_node(old));
    QElapsedTimer clock;
    clock.start();
    tree_ =
        ts_parser_parse_string(parser_, full ? nullptr : old, text.data(), uint32_t(text.size()));
    if (hadErrors && !full) errorParseMs_ = millisecondsSince(clock);
    ByteRanges ranges;
    if (full)
        ranges.emplace_back(0, uint32_t(text.size()));
    else
        ranges = changedRanges(old, tree_);
    ts_tree_delete(old);
    finishReparse(std::move(ranges));
}

void CodeEditor::styleEditedLines() {
    if (!dirty_) return;
    const int length = int(sci(SCI_GETLENGTH));
    int first = int(sci(SCI_LINEFROMPOSITION, std::min<int>(int(dirtyBegin_), length)));
    int last = int(sci(SCI_LINEFROMPOSITION, std::min<int>(int(dirtyEnd_), length)));
    uint32_t b = uint32_t(sci(SCI_POSITIONFROMLINE, first));
    uint32_t e = uint32_t(std::min<int>(int(sci(SCI_POSITIONFROMLINE, last + 1)), length));
    // From the edited tree: its nodes have moved with the text; the new tree restyles the
    // lines again (and whatever else changed) when it comes back.
    if (e > b && e - b <= kSynchronousStyleBytes) styleRanges({{b, e}});
}

void CodeEditor::startBackgroundParse() {
    backgroundParse_ = true;
    auto job = std::make_shared<BackgroundParse>();
    job->generation = parseGeneration_;
    job->revision = revision_;
    job->edited = ts_tree_copy(tree_);
    job->text = std::string(documentText());
    parsePool_.start([this, job] {
        TSParser* parser = ts_parser_new();
        ts_parser_set_language(parser, javascriptLanguage());
        QElapsedTimer clock;
        clock.start();
        job->parsed = ts_parser_parse_string(parser, job->edited, job->text.data(),
                                             uint32_t(job->text.size()));
        job->ms = millisecondsSince(clock);
        ts_parser_delete(parser);
        job->changed = changedRanges(job->edited, job->parsed);
        QMetaObject::invokeMethod(
            this, [this, job] { onBackgroundParsed(*job); }, Qt::QueuedConnection);
    });
}

void CodeEditor::onBackgroundParsed(BackgroundParse& job) {
    if (job.generation != parseGeneration_ || !backgroundParse_) return; // parsed here since
    backgroundParse_ = false;
    errorParseMs_ = job.ms;
    if (job.revision != revision_) {
        // Typed on meanwhile: parse the text as it is now (the edits are in the tree).
        if (reparsePending_ && batchDepth_ == 0) reparse(true);
        return;
    }
    reparsePending_ = false;
    ts_tree_delete(tree_);
    tree_ = std::exchange(job.parsed, nullptr);
    finishReparse(std::move(job.changed));
}

void CodeEditor::finishReparse(ByteRanges ranges) {
    if (dirty_) ranges.emplace_back(dirtyBegin_, dirtyEnd_);
    dirty_ = false;
    styleChanged(std::move(ranges));
    updateSyntaxErrors();
    marks_.dropStale();
    Q_EMIT reparsed();
    analysisPending_ = true;
    analysisTimer_.start();
}

void CodeEditor::styleChanged(ByteRanges ranges) {
    std::string_view text = documentText();
    ranges.insert(ranges.end(), pendingStyle_.begin(), pendingStyle_.end());
    pendingStyle_.clear();

    // Whole lines, merged: a line is restyled and refolded at most once.
    const int length = int(text.size());
    for (auto& [b, e] : ranges) {
        int first = int(sci(SCI_LINEFROMPOSITION, std::min<int>(int(b), length)));
        int last = int(sci(SCI_LINEFROMPOSITION, std::min<int>(int(e), length)));
        b = uint32_t(sci(SCI_POSITIONFROMLINE, first));
        e = uint32_t(std::min<int>(int(sci(SCI_POSITIONFROMLINE, last + 1)), length));
        if (e < b) e = b;
    }
    std::sort(ranges.begin(), ranges.end());
    ByteRanges merged;
    size_t total = 0;
    for (auto r : ranges) {
        if (!merged.empty() && r.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, r.second);
        else
            merged.push_back(r);
    }
    for (auto [b, e] : merged)
        total += e - b;
    if (total <= kSynchronousStyleBytes) {
        styleRanges(merged);
    } else {
        // A change that restyles much of the text (an opened comment or string, a brace that
        // regroups the code after it): style what can be seen now, the rest in idle time.
        auto [wb, we] = visibleBytes();
        ByteRanges now;
        for (auto [b, e] : merged) {
            if (b < wb) pendingStyle_.emplace_back(b, std::min(e, wb));
            if (std::max(b, wb) < std::min(e, we))
                now.emplace_back(std::max(b, wb), std::min(e, we));
            if (e > we) pendingStyle_.emplace_back(std::max(b, we), e);
        }
        styleRanges(now);
        if (!pendingStyle_.empty()) styleTimer_.start();
    }
    // Styles are kept current (pending ranges aside): brace matching may trust them to the end.
    sci(SCI_STARTSTYLING, length, 0);
}

void CodeEditor::styleRanges(const ByteRanges& ranges) {
    for (auto [b, e] : ranges)
        restyle(b, e);
    // A fold header depends on where its node ends: the foldable nodes reaching into a
    // restyled range from above may have grown or shrunk, so their first lines are refolded.
    std::vector<uint32_t> rows = std::exchange(headerRows_, {});
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (uint32_t row : rows)
        refold(row, row);
}

std::pair<uint32_t, uint32_t> CodeEditor::visibleBytes() const {
    const long firstVisible = sci(SCI_GETFIRSTVISIBLELINE);
    const long onScreen = std::max(sci(SCI_LINESONSCREEN), 1L);
    long first = sci(SCI_DOCLINEFROMVISIBLE, firstVisible) - kStyleMarginLines;
    long last = sci(SCI_DOCLINEFROMVISIBLE, firstVisible + onScreen) + kStyleMarginLines;
    first = std::max(first, 0L);
    const long length = sci(SCI_GETLENGTH);
    long b = sci(SCI_POSITIONFROMLINE, first);
    long e = last + 1 >= lines() ? length : sci(SCI_POSITIONFROMLINE, last + 1);
    return {uint32_t(b), uint32_t(std::max(b, e))};
}

void CodeEditor::stylePending(uint32_t budget, bool visibleOnly) {
    if (pendingStyle_.empty() || reparsePending_) return;
    ByteRanges now, rest;
    if (visibleOnly) {
        auto [wb, we] = visibleBytes();
        for (auto [b, e] : pendingStyle_) {
            if (b < wb) rest.emplace_back(b, std::min(e, wb));
            if (std::max(b, wb) < std::min(e, we))
                now.emplace_back(std::max(b, wb), std::min(e, we));
            if (e > we) rest.emplace_back(std::max(b, we), e);
        }
    } else {
        for (auto [b, e] : pendingStyle_) {
            if (budget == 0) {
                rest.emplace_back(b, e);
                continue;
            }
            // Cut at a line start so that every line is styled and folded whole.
            uint32_t cut = e;
            if (e - b > budget) {
                long line = sci(SCI_LINEFROMPOSITION, b + budget);
                cut = std::max(uint32_t(sci(SCI_POSITIONFROMLINE, line + 1)), b + 1);
                cut = std::min(cut, e);
            }
            now.emplace_back(b, cut);
            budget -= std::min(budget, cut - b);
            if (cut < e) rest.emplace_back(cut, e);
        }
    }
    pendingStyle_ = std::move(rest);
    styleRanges(now);
    if (!pendingStyle_.empty()) styleTimer_.start();
}

void CodeEditor::finishStyling() {
    flushReparse();
    while (!pendingStyle_.empty())
        stylePending(std::numeric_limits<uint32_t>::max(), false);
}

bool CodeEditor::eventFilter(QObject* watched, QEvent* event) {
    // Text scrolled into view is styled before it is drawn.
    if (watched == viewport() && event->type() == QEvent::Paint && !pendingStyle_.empty())
        stylePending(0, true);
    return QsciScintilla::eventFilter(watched, event);
}

void CodeEditor::restyle(uint32_t begin, uint32_t end) {
    std::string_view text = documentText();
    TSNode root = ts_tree_root_node(tree_);
    if (end > begin) {
        std::vector<char> styles;
        Highlighter::instance().highlight(root, text, begin, end, styles);
        sci(SCI_STARTSTYLING, begin, 0);
        SendScintilla(SCI_SETSTYLINGEX, uintptr_t(styles.size()), styles.data());
    }
    refold(uint32_t(sci(SCI_LINEFROMPOSITION, begin)), uint32_t(sci(SCI_LINEFROMPOSITION, end)),
           &headerRows_);
}

void CodeEditor::refold(uint32_t firstRow, uint32_t lastRow, std::vector<uint32_t>* headersBefore) {
    std::vector<int> levels;
    Internal::computeFoldLevels(ts_tree_root_node(tree_), firstRow, lastRow, levels, headersBefore);
    for (uint32_t line = firstRow; line <= lastRow; ++line) {
        int level = levels[line - firstRow];
        if (int(sci(SCI_GETFOLDLEVEL, line)) != level) sci(SCI_SETFOLDLEVEL, line, level);
    }
}

void CodeEditor::rehighlightAll() {
    flushReparse();
    pendingStyle_.clear();
    restyle(0, uint32_t(sci(SCI_GETLENGTH)));
    headerRows_.clear();
    marks_.forgetSyntaxErrors();
    updateSyntaxErrors();
}

void CodeEditor::updateSyntaxErrors() {
    if (marks_.setSyntaxErrors(
            Internal::collectSyntaxErrors(ts_tree_root_node(tree_), documentText())))
        Q_EMIT syntaxErrorsChanged();
}

QString CodeEditor::captureAt(int position) const {
    return Highlighter::instance().captureForStyle(styleAt(position));
}

int CodeEditor::styleAt(int position) const {
    return int(sci(SCI_GETSTYLEAT, position));
}

int CodeEditor::foldLevelAt(int line) const {
    return int(sci(SCI_GETFOLDLEVEL, line));
}

// ------------------------------------------------------------------------ diagnostics

void CodeEditor::setDiagnostics(const QList<Diagnostic>& diagnostics) {
    marks_.setDiagnostics(diagnostics);
}

QList<Diagnostic> CodeEditor::syntaxErrors() const {
    return marks_.syntaxErrors();
}

QString CodeEditor::diagnosticMessageAt(int position) const {
    return marks_.messageAt(position);
}

void CodeEditor::onDwellStart(int position, int x, int y) {
    if (position < 0) return;
    QString message = diagnosticMessageAt(position);
    if (message.isEmpty()) return;
    QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), message, viewport());
}

// ------------------------------------------------------------------------ editing

void CodeEditor::onCharAdded(int ch) {
    if (ch == '\n')
        autoIndentNewLine();
    else if (ch == '}')
        dedentClosingBrace();
    const bool identifier = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                            (ch >= '0' && ch <= '9') || ch == '_' || ch == '$' || ch == '#' ||
                            ch >= 0x80;
    if (identifier && isCompletionListShown())
        updateCompletions(CompletionTrigger::Narrowing);
    else if (ch == '.' || identifier)
        updateCompletions(CompletionTrigger::Automatic);
    else
        completionDismissedAt_ = -1;
}

void CodeEditor::autoIndentNewLine() {
    int line = int(sci(SCI_LINEFROMPOSITION, sci(SCI_GETCURRENTPOS)));
    if (line == 0) return;
    QString previous = text(line - 1).trimmed();
    int indent = indentation(line - 1);
    if (previous.endsWith(u'{') || previous.endsWith(u'(') || previous.endsWith(u'['))
        indent += indentationWidth();
    QString rest = text(line).trimmed();
    const bool closesBlock = previous.endsWith(u'{') && rest.startsWith(u'}');
    beginUndoAction();
    setIndentation(line, indent);
    int cursor = int(sci(SCI_GETLINEINDENTPOSITION, line));
    if (closesBlock) {
        // Enter between `{` and `}`: the `}` goes to its own line at the block's indent.
        SendScintilla(SCI_INSERTTEXT, uintptr_t(cursor), "\n");
        setIndentation(line + 1, indentation(line - 1));
    }
    sci(SCI_GOTOPOS, cursor);
    endUndoAction();
}

void CodeEditor::dedentClosingBrace() {
    int pos = int(sci(SCI_GETCURRENTPOS));
    int line = int(sci(SCI_LINEFROMPOSITION, pos));
    int indentEnd = int(sci(SCI_GETLINEINDENTPOSITION, line));
    if (indentEnd != pos - 1) return; // something other than blanks precedes the `}`
    int match = matchingBrace(pos - 1);
    int indent = match >= 0 ? indentation(int(sci(SCI_LINEFROMPOSITION, match)))
                            : std::max(0, indentation(line) - indentationWidth());
    if (indent == indentation(line)) return;
    setIndentation(line, indent);
    sci(SCI_GOTOPOS, sci(SCI_GETLINEINDENTPOSITION, line) + 1);
}

int CodeEditor::matchingBrace(int position) const {
    return int(sci(SCI_BRACEMATCH, position, 0L));
}

void CodeEditor::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        showCompletions();
        return;
    }
    if (isCompletionListShown()) {
        if (event->key() == Qt::Key_Escape)
            completionDismissedAt_ =
                long(completionPrefixStart(documentText(), uint32_t(sci(SCI_GETCURRENTPOS))));
        if (event->key() == Qt::Key_Backspace) {
            // Scintilla closes the list when the caret goes back past where it opened; it
            // reopens narrowed to what is left of the word.
            QsciScintilla::keyPressEvent(event);
            updateCompletions(CompletionTrigger::Narrowing);
            return;
        }
    }
    if (event->key() == Qt::Key_F12 && event->modifiers() == Qt::NoModifier) {
        goToDefinition();
        return;
    }
    if (event->key() == Qt::Key_Slash && event->modifiers() == Qt::ControlModifier) {
        toggleComment();
        return;
    }
    if (event->matches(QKeySequence::Find)) {
        Q_EMIT findRequested();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void CodeEditor::toggleComment() {
    int fromLine = 0, fromIndex = 0, toLine = 0, toIndex = 0;
    getSelection(&fromLine, &fromIndex, &toLine, &toIndex);
    if (fromLine < 0) {
        getCursorPosition(&fromLine, &fromIndex);
        toLine = fromLine;
    } else if (toLine > fromLine && toIndex == 0) {
        --toLine; // a selection that ends at a line start does not take that line
    }
    auto isBlank = [this](int line) { return text(line).trimmed().isEmpty(); };
    bool allCommented = true;
    int indent = std::numeric_limits<int>::max();
    for (int line = fromLine; line <= toLine; ++line) {
        if (isBlank(line)) continue;
        indent = std::min(indent, indentation(line));
        allCommented &= text(line).trimmed().startsWith(QLatin1String("//"));
    }
    if (indent == std::numeric_limits<int>::max()) return; // only blank lines
    beginUndoAction();
    beginEditBatch();
    for (int line = fromLine; line <= toLine; ++line) {
        if (isBlank(line)) continue;
        long start = long(sci(SCI_GETLINEINDENTPOSITION, line));
        if (allCommented) {
            QString t = text(line);
            int at = int(t.indexOf(QLatin1String("//")));
            int length = t.mid(at + 2).startsWith(QLatin1Char(' ')) ? 3 : 2;
            sci(SCI_DELETERANGE, start, long(length));
        } else {
            long at = long(sci(SCI_FINDCOLUMN, line, long(indent)));
            SendScintilla(SCI_INSERTTEXT, ulong(at), "// ");
        }
    }
    endEditBatch();
    endUndoAction();
}

// ------------------------------------------------------------------------ navigation

void CodeEditor::goToLine(int line, int column) {
    int pos = Internal::positionOf(*this, line, column);
    sci(SCI_ENSUREVISIBLEENFORCEPOLICY, sci(SCI_LINEFROMPOSITION, pos));
    sci(SCI_GOTOPOS, pos);
}

void CodeEditor::setSymbolIndex(SymbolIndex* index) {
    if (index_ && !path_.isEmpty() && index_ != ownIndex_.get()) index_->removeFile(path_);
    index_ = index ? index : ownIndex_.get();
    refreshAnalysis();
}

void CodeEditor::refreshAnalysis() {
    analysisTimer_.stop();
    flushReparse();
    Analysis a;
    a.revision = revision_;
    Analysis::run(a, ts_tree_copy(tree_), documentText());
    analysisPending_ = true; // whatever it was: this analysis is of the text as it is
    applyAnalysis(a);
}

void CodeEditor::startAnalysis() {
    if (reparsePending_) return; // inside a batch or an undo: its end starts the timer again
    if (analysisBusy_) {
        analysisAgain_ = true;
        return;
    }
    TSTree* tree = ts_tree_copy(tree_);
    runOnWorker(std::make_shared<Analysis>(), [tree, text = std::string(documentText())](
                                                  Analysis& a) { Analysis::run(a, tree, text); });
}

void CodeEditor::runOnWorker(std::shared_ptr<Analysis> a, std::function<void(Analysis&)> job) {
    analysisBusy_ = true;
    a->revision = revision_;
    editsSinceAnalysis_.clear();
    editsDescribed_ = true;
    analysisPool_.start([this, a, job = std::move(job)] {
        job(*a);
        QMetaObject::invokeMethod(
            this,
            [this, a] {
                if (a->revision != revision_ && a->fresh && editsDescribed_ && !reparsePending_ &&
                    !editsSinceAnalysis_.empty()) {
                    // Late: bring its parse up to the text as it is now, then apply that.
                    TSTree* stale = std::exchange(a->fresh, nullptr);
                    TSTree* current = ts_tree_copy(tree_);
                    runOnWorker(std::make_shared<Analysis>(),
                                [stale, current, edits = editsSinceAnalysis_,
                                 text = std::string(documentText())](Analysis& next) {
                                    Analysis::runCatchUp(next, stale, edits, current, text);
                                });
                    return;
                }
                analysisBusy_ = false;
                applyAnalysis(*a);
                if (std::exchange(analysisAgain_, false) && analysisPending_) startAnalysis();
            },
            Qt::QueuedConnection);
    });
}

void CodeEditor::applyAnalysis(Analysis& a) {
    // Of an older text, or already done (refreshAnalysis ran meanwhile): the next pause's.
    if (a.revision != revision_ || !analysisPending_ || reparsePending_) return;
    if (a.fresh) {
        ts_tree_delete(tree_);
        tree_ = std::exchange(a.fresh, nullptr);
        styleChanged(std::move(a.differences));
        updateSyntaxErrors();
    }
    if (a.catchUp) {
        analysisTimer_.start(); // the exact analysis (and the outline) at the next pause
        return;
    }
    analysisPending_ = false;
    if (!index_) index_ = ownIndex_.get();
    outline_->setItems(OutlineModel::fromDefinitions(a.definitions));
    index_->setDefinitions(path_, a.definitions, documentText());
    Q_EMIT outlineUpdated();
}

QList<SymbolLocation> CodeEditor::definitionsAt(int position) {
    if (analysisPending_) refreshAnalysis();
    if (position < 0) position = int(sci(SCI_GETCURRENTPOS));
    int begin = int(sci(SCI_WORDSTARTPOSITION, position, 1L));
    int end = int(sci(SCI_WORDENDPOSITION, position, 1L));
    if (end <= begin) return {};
    std::string_view text = documentText();
    QString word = QString::fromUtf8(text.data() + begin, end - begin);
    QList<SymbolLocation> found = index_->find(word);
    if (found.isEmpty()) return {};

    // What the word is: `this.m` / `x.m` (a member) or a plain name (a class or function).
    const bool member = begin > 0 && text[size_t(begin - 1)] == '.';
    const bool onThis = member && begin >= 5 && text.substr(size_t(begin - 5), 4) == "this";
    QString enclosingClass;
    TSNode node =
        ts_node_descendant_for_byte_range(ts_tree_root_node(tree_), uint32_t(begin), uint32_t(end));
    for (TSNode p = node; !ts_node_is_null(p); p = ts_node_parent(p)) {
        if (is(p, "class_declaration") || is(p, "class")) {
            TSNode name = field(p, "name");
            if (!ts_node_is_null(name))
                enclosingClass =
                    QString::fromUtf8(text.data() + ts_node_start_byte(name),
                                      ts_node_end_byte(name) - ts_node_start_byte(name));
            break;
        }
    }
    auto score = [&](const SymbolLocation& loc) {
        int s = 0;
        bool isMember = loc.kind == SymbolKind::Method || loc.kind == SymbolKind::Field;
        if (member == isMember) s += 8;
        if (!member && loc.kind == SymbolKind::Class) s += 4;
        if (member && onThis && loc.container == enclosingClass) s += 4;
        if (loc.kind == SymbolKind::Method) s += 1; // a method before a same-named field
        if (loc.path == path_) s += 2;
        return s;
    };
    std::stable_sort(
        found.begin(), found.end(),
        [&](const SymbolLocation& a, const SymbolLocation& b) { return score(a) > score(b); });
    return found;
}

bool CodeEditor::goToDefinition(int position) {
    QList<SymbolLocation> found = definitionsAt(position);
    if (found.isEmpty()) return false;
    const SymbolLocation& best = found.front();
    if (best.path == path_)
        goToLine(best.line, best.column);
    else
        Q_EMIT definitionRequested(best.path, best.line, best.column);
    return true;
}

// ------------------------------------------------------------------------ completion

namespace {

// A small square with the kind's letter: the list shows it left of each name.
QImage completionImage(CompletionKind kind) {
    struct Look {
        char letter;
        QRgb colour;
    };
    static const Look looks[] = {{'l', 0x5b7083}, {'f', 0x1f8a70}, {'m', 0x7a3fb0},
                                 {'p', 0xc06000}, {'C', 0xb08800}, {'F', 0x2e7d32},
                                 {'g', 0x1565c0}, {'k', 0x757575}};
    const Look& look = looks[int(kind)];
    QImage image(14, 14, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(look.colour));
    p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    QFont font = p.font();
    font.setPixelSize(10);
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRect(0, 0, 14, 14), Qt::AlignCenter, QString(QChar::fromLatin1(look.letter)));
    return image;
}

} // namespace

void CodeEditor::registerCompletionImages() {
    for (int k = 0; k <= int(CompletionKind::Keyword); ++k)
        registerImage(kCompletionFirstImage + k, completionImage(CompletionKind(k)));
}

CompletionResult CodeEditor::completionsAt(int position) {
    if (position < 0) position = int(sci(SCI_GETCURRENTPOS));
    return molt::editor::completionsAt(ts_tree_root_node(tree_), documentText(), uint32_t(position),
                                       index_ ? index_.data() : nullptr, path_);
}

bool CodeEditor::isCompletionListShown() const {
    return completionShown_ && isListActive();
}

void CodeEditor::showCompletions() {
    flushReparse(); // asked for: from the exact tree
    updateCompletions(CompletionTrigger::Explicit);
}

void CodeEditor::updateCompletions(CompletionTrigger trigger) {
    if (trigger == CompletionTrigger::Automatic && !autoCompletion_) return;
    const long pos = sci(SCI_GETCURRENTPOS);
    if (pos != sci(SCI_GETANCHOR)) return; // a selection: typing replaces it, nothing to add
    const auto cancel = [this] {
        if (isCompletionListShown()) cancelList();
        completionShown_ = false;
    };
    if (trigger == CompletionTrigger::Automatic) {
        // At the end of a word only (not typing inside one), and not again on the word
        // whose list Escape closed.
        const char next = char(sci(SCI_GETCHARAT, pos));
        const bool insideWord = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                                (next >= '0' && next <= '9') || next == '_' || next == '$';
        if (insideWord) return;
        // Most keystrokes stop here, before any tree is walked: a `.` opens the members,
        // a word its names once it is kCompletionMinPrefix long.
        const long start = long(completionPrefixStart(documentText(), uint32_t(pos)));
        if (start == completionDismissedAt_) return;
        const bool afterDot = pos > 0 && char(sci(SCI_GETCHARAT, pos - 1)) == '.';
        if (!afterDot && pos - start < kCompletionMinPrefix) return;
    }
    CompletionResult r = completionsAt(int(pos));
    if (!r.allowed || r.items.isEmpty()) return cancel();
    if (trigger != CompletionTrigger::Explicit) {
        // Typed in full (Return should now end the line), or erased back to nothing.
        if (r.items.size() == 1 && r.items.front().text == r.prefix) return cancel();
        if (!r.member && r.prefix.isEmpty()) return cancel();
    }
    completionDismissedAt_ = -1;
    QStringList list;
    list.reserve(r.items.size());
    for (const Completion& c : r.items)
        list << QStringLiteral("%1?%2").arg(c.text).arg(kCompletionFirstImage + int(c.kind));
    // The list is always of the names matching the whole prefix, best first: it is
    // reshown as the prefix grows, so Scintilla's own typed-prefix search starts empty.
    if (isListActive()) cancelList();
    // QScintilla places the list on the screen at the caret and dereferences the screen
    // without checking it (Window::GetMonitorRect): no screen there, no list.
    const QPoint caret(int(sci(SCI_POINTXFROMPOSITION, 0, pos)),
                       int(sci(SCI_POINTYFROMPOSITION, 0, pos)));
    if (!QGuiApplication::screenAt(viewport()->mapToGlobal(caret))) return cancel();
    showUserList(kCompletionListId, list);
    completionShown_ = true;
}

void CodeEditor::insertCompletion(int id, const QString& text) {
    if (id != kCompletionListId) return;
    completionShown_ = false;
    const long pos = sci(SCI_GETCURRENTPOS);
    const long start = long(completionPrefixStart(documentText(), uint32_t(pos)));
    const QByteArray utf8 = text.toUtf8();
    beginUndoAction();
    sci(SCI_SETTARGETRANGE, start, pos);
    SendScintilla(SCI_REPLACETARGET, uintptr_t(utf8.size()), utf8.constData());
    sci(SCI_GOTOPOS, start + long(utf8.size()));
    endUndoAction();
}

// ------------------------------------------------------------------------ find and replace

bool CodeEditor::findNext(const FindOptions& options) {
    return Internal::search(*this, options, true);
}

bool CodeEditor::findPrevious(const FindOptions& options) {
    return Internal::search(*this, options, false);
}

bool CodeEditor::replaceCurrent(const FindOptions& options, const QString& replacement) {
    return Internal::replaceCurrent(*this, options, replacement);
}

int CodeEditor::replaceAll(const FindOptions& options, const QString& replacement) {
    beginEditBatch(); // one re-parse at the end
    int count = Internal::replaceAll(*this, options, replacement);
    endEditBatch();
    return count;
}

} // namespace molt::editor
