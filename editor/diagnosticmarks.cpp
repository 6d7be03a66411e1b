#include "editor/diagnosticmarks.h"

#include "editor/constants.h"
#include "editor/qsci.h"

#include <algorithm>

namespace molt::editor::Internal {

namespace {

int indicatorFor(Diagnostic::Severity s) {
    switch (s) {
    case Diagnostic::Severity::Error: return kErrorIndicator;
    case Diagnostic::Severity::Warning: return kWarningIndicator;
    case Diagnostic::Severity::Information: return kInformationIndicator;
    }
    return kErrorIndicator;
}

int markerFor(Diagnostic::Severity s) {
    switch (s) {
    case Diagnostic::Severity::Error: return kErrorMarker;
    case Diagnostic::Severity::Warning: return kWarningMarker;
    case Diagnostic::Severity::Information: return kInformationMarker;
    }
    return kErrorMarker;
}

} // namespace

int positionOf(const QsciScintilla& editor, int line, int column) {
    auto sci = [&](unsigned int msg, unsigned long w = 0, long l = 0) {
        return int(editor.SendScintilla(msg, w, l));
    };
    int lineIndex = std::clamp(line - 1, 0, std::max(editor.lines() - 1, 0));
    int start = sci(QsciScintillaBase::SCI_POSITIONFROMLINE, lineIndex);
    int end = sci(QsciScintillaBase::SCI_GETLINEENDPOSITION, lineIndex);
    if (column <= 1) return start;
    int pos = sci(QsciScintillaBase::SCI_POSITIONRELATIVE, start, column - 1);
    return (pos == 0 && start != 0) || pos > end ? end : pos;
}

DiagnosticMarks::DiagnosticMarks(QsciScintilla* editor) : editor_(editor) {}

long DiagnosticMarks::sci(unsigned int msg, unsigned long wParam, long lParam) const {
    return editor_->SendScintilla(msg, wParam, lParam);
}

void DiagnosticMarks::setDiagnostics(const QList<Diagnostic>& diagnostics) {
    using B = QsciScintillaBase;
    diagnostics_ = diagnostics;
    const long length = sci(B::SCI_GETLENGTH);
    for (int indicator : {kErrorIndicator, kWarningIndicator, kInformationIndicator}) {
        sci(B::SCI_SETINDICATORCURRENT, indicator);
        sci(B::SCI_INDICATORCLEARRANGE, 0, length);
    }
    for (int marker : {kErrorMarker, kWarningMarker, kInformationMarker})
        sci(B::SCI_MARKERDELETEALL, marker);
    anchors_.clear();
    for (qsizetype i = 0; i < diagnostics_.size(); ++i) {
        const Diagnostic& d = diagnostics_[i];
        int begin = positionOf(*editor_, d.line, d.column);
        int end = d.length > 0 ? int(sci(B::SCI_POSITIONRELATIVE, begin, d.length))
                               : int(sci(B::SCI_WORDENDPOSITION, begin, 1L));
        int lineEnd = int(sci(B::SCI_GETLINEENDPOSITION, sci(B::SCI_LINEFROMPOSITION, begin)));
        if (end <= begin) end = begin < lineEnd ? begin + 1 : begin;
        if (end == begin && begin > 0) --begin; // at the end of a line: the character before
        sci(B::SCI_SETINDICATORCURRENT, indicatorFor(d.severity));
        sci(B::SCI_SETINDICATORVALUE, long(i + 1));
        sci(B::SCI_INDICATORFILLRANGE, begin, long(end - begin));
        int line = int(sci(B::SCI_LINEFROMPOSITION, begin));
        int handle = int(sci(B::SCI_MARKERADD, line, long(markerFor(d.severity))));
        anchors_.append({handle, editor_->text(line)});
    }
}

void DiagnosticMarks::dropStale() {
    if (diagnostics_.isEmpty()) return;
    QList<Diagnostic> kept;
    bool dropped = false;
    for (qsizetype i = 0; i < diagnostics_.size(); ++i) {
        const Anchor& anchor = anchors_.value(i);
        int line = int(sci(QsciScintillaBase::SCI_MARKERLINEFROMHANDLE, anchor.markerHandle));
        if (line < 0 || editor_->text(line) != anchor.lineText) {
            if (line >= 0) editor_->clearAnnotations(line);
            dropped = true;
            continue;
        }
        Diagnostic d = diagnostics_[i];
        d.line = line + 1;
        kept.append(d);
    }
    if (dropped) setDiagnostics(kept);
}

void DiagnosticMarks::editText(uint32_t position, uint32_t oldEnd, uint32_t newEnd) {
    const int b = int(position), oldE = int(oldEnd), newE = int(newEnd);
    auto shift = [&](int p) { return p >= oldE ? p - oldE + newE : std::min(p, b); };
    for (SyntaxError& e : syntaxErrors_) {
        if (e.end < b || e.begin > oldE) {
            e.begin = shift(e.begin);
            e.end = shift(e.end);
            continue;
        }
        // The edit meets it: Scintilla may have grown its underline over inserted text, or
        // shrunk it; cover every extent it can have so that clearing it is exact.
        e.touched = true;
        e.begin = std::min(e.begin, b);
        e.end = std::max(shift(e.end), newE);
    }
}

void DiagnosticMarks::underline(int begin, int end, bool on) {
    using B = QsciScintillaBase;
    if (end <= begin) return;
    sci(B::SCI_SETINDICATORCURRENT, kSyntaxErrorIndicator);
    if (on) {
        sci(B::SCI_SETINDICATORVALUE, 1);
        sci(B::SCI_INDICATORFILLRANGE, begin, long(end - begin));
    } else {
        sci(B::SCI_INDICATORCLEARRANGE, begin, long(end - begin));
    }
}

bool DiagnosticMarks::setSyntaxErrors(std::vector<SyntaxErrorRange> found) {
    QList<SyntaxError> errors;
    errors.reserve(qsizetype(found.size()));
    for (auto& e : found)
        errors.push_back({int(e.begin), int(e.end), QString::fromStdString(e.message)});
    const bool touched = std::any_of(syntaxErrors_.begin(), syntaxErrors_.end(),
                                     [](const SyntaxError& e) { return e.touched; });
    const bool changed = errors != syntaxErrors_;
    if (!changed && !touched) return false;
    // Only what differs: the old errors that went (or that an edit touched) lose their
    // underline, the new ones (and any one a cleared range overlapped) get theirs.
    QList<SyntaxError> kept, added = errors;
    for (const SyntaxError& e : syntaxErrors_)
        if (!e.touched) kept.push_back(e);
    std::sort(kept.begin(), kept.end());
    std::sort(added.begin(), added.end());
    std::vector<std::pair<int, int>> cleared;
    for (const SyntaxError& e : syntaxErrors_) {
        if (!e.touched && std::binary_search(added.begin(), added.end(), e)) continue;
        underline(e.begin, e.end, false);
        cleared.emplace_back(e.begin, e.end);
    }
    for (const SyntaxError& e : errors) {
        bool shown = std::binary_search(kept.begin(), kept.end(), e);
        bool overlapsCleared = std::any_of(cleared.begin(), cleared.end(), [&](auto r) {
            return e.begin < r.second && r.first < e.end;
        });
        if (!shown || overlapsCleared) underline(e.begin, e.end, true);
    }
    syntaxErrors_ = std::move(errors);
    return changed;
}

void DiagnosticMarks::forgetSyntaxErrors() {
    syntaxErrors_.clear();
    underline(0, int(sci(QsciScintillaBase::SCI_GETLENGTH)), false);
}

QList<Diagnostic> DiagnosticMarks::syntaxErrors() const {
    using B = QsciScintillaBase;
    QList<Diagnostic> out;
    for (const SyntaxError& e : syntaxErrors_) {
        int line = int(sci(B::SCI_LINEFROMPOSITION, e.begin));
        int start = int(sci(B::SCI_POSITIONFROMLINE, line));
        int column = int(sci(B::SCI_COUNTCHARACTERS, start, long(e.begin))) + 1;
        int length = int(sci(B::SCI_COUNTCHARACTERS, e.begin, long(e.end)));
        out.push_back({line + 1, column, e.message, Diagnostic::Severity::Error, length});
    }
    return out;
}

QString DiagnosticMarks::messageAt(int position) const {
    using B = QsciScintillaBase;
    QStringList messages;
    for (int indicator : {kErrorIndicator, kWarningIndicator, kInformationIndicator}) {
        int value = int(sci(B::SCI_INDICATORVALUEAT, indicator, long(position)));
        if (value > 0 && value <= diagnostics_.size()) messages << diagnostics_[value - 1].message;
    }
    if (sci(B::SCI_INDICATORVALUEAT, kSyntaxErrorIndicator, long(position)) != 0)
        for (const SyntaxError& e : syntaxErrors_)
            if (e.begin <= position && position < e.end) messages << e.message;
    messages.removeDuplicates();
    return messages.join(u'\n');
}

} // namespace molt::editor::Internal
