#include "editorseam.h"

#include "qsci.h"

#include <QFontDatabase>
#include <QVariant>

namespace molt::ide {

namespace {

constexpr int kErrorIndicator = 8;
constexpr int kErrorMarker = 1;
constexpr int kAnnotationStyle = 200; // Scintilla style for the inline error text
const char* kDiagnosticsProperty = "moltDiagnostics";

struct Palette {
    QColor paper, text, comment, keyword, string, number, op, lineBg, margin, marginText, selection,
        caret, added, removed, header;
};

Palette paletteFor(bool dark) {
    if (dark)
        return {QColor("#1e2127"), QColor("#d7dae0"), QColor("#7f848e"), QColor("#c678dd"),
                QColor("#98c379"), QColor("#d19a66"), QColor("#56b6c2"), QColor("#2c313a"),
                QColor("#21252b"), QColor("#636d83"), QColor("#3e4451"), QColor("#528bff"),
                QColor("#98c379"), QColor("#e06c75"), QColor("#61afef")};
    return {QColor("#ffffff"), QColor("#24292f"), QColor("#6e7781"), QColor("#8250df"),
            QColor("#0a3069"), QColor("#0550ae"), QColor("#953800"), QColor("#f3f6fa"),
            QColor("#f6f8fa"), QColor("#8c959f"), QColor("#cde3ff"), QColor("#24292f"),
            QColor("#116329"), QColor("#cf222e"), QColor("#0550ae")};
}

void styleLexer(QsciLexer* lexer, const Palette& p, const QFont& font) {
    lexer->setDefaultPaper(p.paper);
    lexer->setDefaultColor(p.text);
    lexer->setDefaultFont(font);
    lexer->setPaper(p.paper, -1);
    lexer->setColor(p.text, -1);
    lexer->setFont(font, -1);
    if (auto* js = qobject_cast<QsciLexerJavaScript*>(lexer)) {
        for (int s : {QsciLexerCPP::Comment, QsciLexerCPP::CommentLine, QsciLexerCPP::CommentDoc,
                      QsciLexerCPP::CommentLineDoc})
            js->setColor(p.comment, s);
        js->setColor(p.keyword, QsciLexerCPP::Keyword);
        for (int s : {QsciLexerCPP::DoubleQuotedString, QsciLexerCPP::SingleQuotedString,
                      QsciLexerCPP::RawString})
            js->setColor(p.string, s);
        js->setColor(p.number, QsciLexerCPP::Number);
        js->setColor(p.op, QsciLexerCPP::Operator);
    } else if (auto* json = qobject_cast<QsciLexerJSON*>(lexer)) {
        json->setColor(p.keyword, QsciLexerJSON::Property);
        json->setColor(p.string, QsciLexerJSON::String);
        json->setColor(p.number, QsciLexerJSON::Number);
        json->setColor(p.op, QsciLexerJSON::Keyword);
        json->setColor(p.op, QsciLexerJSON::Operator);
    } else if (auto* diff = qobject_cast<QsciLexerDiff*>(lexer)) {
        diff->setColor(p.added, QsciLexerDiff::LineAdded);
        diff->setColor(p.removed, QsciLexerDiff::LineRemoved);
        diff->setColor(p.header, QsciLexerDiff::Header);
        diff->setColor(p.header, QsciLexerDiff::Position);
        diff->setColor(p.comment, QsciLexerDiff::Comment);
    }
}

void configureCommon(QsciScintilla* e) {
    e->setUtf8(true);
    e->setMarginType(0, QsciScintilla::NumberMargin);
    e->setMarginWidth(0, QStringLiteral("00000"));
    e->setMarginLineNumbers(0, true);
    e->setTabWidth(2);
    e->setIndentationsUseTabs(false);
    e->setAutoIndent(true);
    e->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    e->setCaretLineVisible(true);
    e->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    e->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    e->indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    e->setIndicatorForegroundColor(QColor("#e5484d"), kErrorIndicator);
    e->markerDefine(QsciScintilla::Circle, kErrorMarker);
    e->setMarkerBackgroundColor(QColor("#e5484d"), kErrorMarker);
    e->setMarkerForegroundColor(QColor("#e5484d"), kErrorMarker);
    e->setMarginMarkerMask(1, 1 << kErrorMarker);
    e->setMarginWidth(1, 14);
}

} // namespace

QsciScintilla* createCodeEditor(QWidget* parent) {
    auto* e = new QsciScintilla(parent);
    configureCommon(e);
    e->setLexer(new QsciLexerJavaScript(e));
    setEditorAppearance(e, false, 10);
    return e;
}

QsciScintilla* createTextView(QWidget* parent, ViewLanguage language) {
    auto* e = new QsciScintilla(parent);
    configureCommon(e);
    e->setReadOnly(true);
    e->setCaretLineVisible(false);
    switch (language) {
    case ViewLanguage::JavaScript: e->setLexer(new QsciLexerJavaScript(e)); break;
    case ViewLanguage::Json: e->setLexer(new QsciLexerJSON(e)); break;
    case ViewLanguage::Diff: e->setLexer(new QsciLexerDiff(e)); break;
    case ViewLanguage::Plain: break;
    }
    setEditorAppearance(e, false, 10);
    return e;
}

void setEditorAppearance(QsciScintilla* e, bool dark, int pointSize) {
    Palette p = paletteFor(dark);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(pointSize);
    if (QsciLexer* lexer = e->lexer()) {
        styleLexer(lexer, p, font);
        e->setLexer(lexer); // re-applies the lexer's styles
    } else {
        e->setFont(font);
        e->setPaper(p.paper);
        e->setColor(p.text);
    }
    e->setMarginsFont(font);
    e->setMarginsBackgroundColor(p.margin);
    e->setMarginsForegroundColor(p.marginText);
    e->setFoldMarginColors(p.margin, p.margin);
    e->setCaretLineBackgroundColor(p.lineBg);
    e->setCaretForegroundColor(p.caret);
    e->setSelectionBackgroundColor(p.selection);
    e->setMatchedBraceBackgroundColor(p.selection);
    e->setMatchedBraceForegroundColor(p.text);
    // The inline error text: its own style, readable on both themes.
    e->SendScintilla(QsciScintilla::SCI_STYLESETBACK, kAnnotationStyle,
                     dark ? QColor("#3b2326") : QColor("#fff0f0"));
    e->SendScintilla(QsciScintilla::SCI_STYLESETFORE, kAnnotationStyle,
                     dark ? QColor("#ffb4b4") : QColor("#a40e26"));
    QList<EditorDiagnostic> diagnostics = editorDiagnostics(e);
    if (!diagnostics.isEmpty()) setEditorDiagnostics(e, diagnostics);
}

void setEditorDiagnostics(QsciScintilla* e, const QList<EditorDiagnostic>& diagnostics) {
    e->clearAnnotations();
    e->markerDeleteAll(kErrorMarker);
    e->clearIndicatorRange(0, 0, e->lines(), 0, kErrorIndicator);
    QVariantList stored;
    for (const EditorDiagnostic& d : diagnostics) {
        int line = std::max(0, d.line - 1);
        int lineLength = e->text(line).length();
        int column = std::clamp(d.column - 1, 0, std::max(0, lineLength - 1));
        int end = column + 1;
        QString text = e->text(line);
        while (end < text.length() && (text[end].isLetterOrNumber() || text[end] == '_'))
            ++end;
        e->fillIndicatorRange(line, column, line, std::max(end, column + 1), kErrorIndicator);
        e->markerAdd(line, kErrorMarker);
        e->annotate(line, d.message, kAnnotationStyle);
        stored.append(QVariant(QVariantList{d.line, d.column, d.message})); // one entry each
    }
    e->setProperty(kDiagnosticsProperty, stored);
}

QList<EditorDiagnostic> editorDiagnostics(const QsciScintilla* e) {
    QList<EditorDiagnostic> out;
    for (const QVariant& v : e->property(kDiagnosticsProperty).toList()) {
        QVariantList l = v.toList();
        if (l.size() == 3) out.append({l[0].toInt(), l[1].toInt(), l[2].toString()});
    }
    return out;
}

} // namespace molt::ide
