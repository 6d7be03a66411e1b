#include "editor/diagnosticmarks.h"

#include "editor/constants.h"
#include "editor/qsci.h"

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

bool DiagnosticMarks::setSyntaxErrors(std::vector<SyntaxErrorRange> found) {
    using B = QsciScintillaBase;
    QList<SyntaxError> errors;
    for (auto& e : found)
        errors.push_back({int(e.begin), int(e.end), QString::fromStdString(e.message)});
    if (errors == syntaxErrors_) return false;
    syntaxErrors_ = std::move(errors);
    sci(B::SCI_SETINDICATORCURRENT, kSyntaxErrorIndicator);
    sci(B::SCI_INDICATORCLEARRANGE, 0, sci(B::SCI_GETLENGTH));
    for (qsizetype i = 0; i < syntaxErrors_.size(); ++i) {
        sci(B::SCI_SETINDICATORVALUE, long(i + 1));
        sci(B::SCI_INDICATORFILLRANGE, syntaxErrors_[i].begin,
            long(syntaxErrors_[i].end - syntaxErrors_[i].begin));
    }
    return true;
}

void DiagnosticMarks::forgetSyntaxErrors() {
    syntaxErrors_.clear();
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
    int value = int(sci(B::SCI_INDICATORVALUEAT, kSyntaxErrorIndicator, long(position)));
    if (value > 0 && value <= syntaxErrors_.size()) messages << syntaxErrors_[value - 1].message;
    messages.removeDuplicates();
    return messages.join(u'\n');
}

} // namespace molt::editor::Internal
