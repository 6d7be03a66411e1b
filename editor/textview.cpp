#include "editor/textview.h"

#include <QFontDatabase>

namespace molt::editor {

namespace {

// Style number -> theme capture (or a theme role) for each lexer.
QColor diffColor(const Theme& t, int style) {
    switch (style) {
    case QsciLexerDiff::Comment: return t.colorFor(QStringLiteral("comment"));
    case QsciLexerDiff::Command:
    case QsciLexerDiff::Header: return t.diffHeader;
    case QsciLexerDiff::Position: return t.colorFor(QStringLiteral("number"));
    case QsciLexerDiff::LineRemoved: return t.diffRemoved;
    case QsciLexerDiff::LineAdded: return t.diffAdded;
    case QsciLexerDiff::LineChanged: return t.warning;
    default: return t.foreground;
    }
}

QColor jsonColor(const Theme& t, int style) {
    switch (style) {
    case QsciLexerJSON::Number: return t.colorFor(QStringLiteral("number"));
    case QsciLexerJSON::String:
    case QsciLexerJSON::UnclosedString: return t.colorFor(QStringLiteral("string"));
    case QsciLexerJSON::Property: return t.colorFor(QStringLiteral("property"));
    case QsciLexerJSON::EscapeSequence: return t.colorFor(QStringLiteral("string.special"));
    case QsciLexerJSON::CommentLine:
    case QsciLexerJSON::CommentBlock: return t.colorFor(QStringLiteral("comment"));
    case QsciLexerJSON::Operator: return t.colorFor(QStringLiteral("punctuation"));
    case QsciLexerJSON::Keyword:
    case QsciLexerJSON::KeywordLD: return t.colorFor(QStringLiteral("constant.builtin"));
    case QsciLexerJSON::Error: return t.error;
    default: return t.foreground;
    }
}

QColor javaScriptColor(const Theme& t, int style) {
    switch (style % 64) { // inactive (preprocessor) styles mirror the active ones at +64
    case QsciLexerJavaScript::Comment:
    case QsciLexerJavaScript::CommentLine:
    case QsciLexerJavaScript::CommentDoc:
    case QsciLexerJavaScript::CommentLineDoc: return t.colorFor(QStringLiteral("comment"));
    case QsciLexerJavaScript::Number: return t.colorFor(QStringLiteral("number"));
    case QsciLexerJavaScript::Keyword: return t.colorFor(QStringLiteral("keyword"));
    case QsciLexerJavaScript::DoubleQuotedString:
    case QsciLexerJavaScript::SingleQuotedString:
    case QsciLexerJavaScript::UnclosedString:
    case QsciLexerJavaScript::RawString: return t.colorFor(QStringLiteral("string"));
    case QsciLexerJavaScript::Regex: return t.colorFor(QStringLiteral("string.special"));
    case QsciLexerJavaScript::Operator: return t.colorFor(QStringLiteral("operator"));
    case QsciLexerJavaScript::GlobalClass: return t.colorFor(QStringLiteral("constructor"));
    default: return t.foreground;
    }
}

} // namespace

TextView::TextView(QWidget* parent)
    : QsciScintilla(parent), theme_(Theme::light()),
      fontFamily_(QFontDatabase::systemFont(QFontDatabase::FixedFont).family()) {
    setUtf8(true);
    setReadOnly(true);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("9999"));
    setMarginWidth(1, 0);
    setCaretLineVisible(false);
    applyTheme();
}

void TextView::setContent(const QString& text, Kind kind) {
    if (kind != kind_) {
        QsciLexer* old = lexer();
        QsciLexer* lexer = nullptr;
        switch (kind) {
        case Kind::Plain: break;
        case Kind::Diff: lexer = new QsciLexerDiff(this); break;
        case Kind::Json: lexer = new QsciLexerJSON(this); break;
        case Kind::JavaScript: lexer = new QsciLexerJavaScript(this); break;
        }
        kind_ = kind;
        setLexer(lexer);
        delete old;
        applyTheme();
    }
    setReadOnly(false);
    setText(text);
    setReadOnly(true);
}

void TextView::setTheme(const Theme& theme) {
    theme_ = theme;
    applyTheme();
}

void TextView::setFontFamily(const QString& family) {
    fontFamily_ = family;
    applyTheme();
}

void TextView::setFontSize(int pointSize) {
    fontSize_ = pointSize;
    applyTheme();
}

void TextView::applyTheme() {
    QFont font(fontFamily_, fontSize_);
    font.setStyleHint(QFont::Monospace);
    if (QsciLexer* lex = lexer()) {
        lex->setDefaultPaper(theme_.background);
        lex->setDefaultColor(theme_.foreground);
        lex->setPaper(theme_.background, -1);
        lex->setFont(font, -1);
        for (int style = 0; style < 128; ++style) {
            if (lex->description(style).isEmpty()) continue;
            QColor c = kind_ == Kind::Diff   ? diffColor(theme_, style)
                       : kind_ == Kind::Json ? jsonColor(theme_, style)
                                             : javaScriptColor(theme_, style);
            lex->setColor(c, style);
        }
    } else {
        setFont(font);
        setPaper(theme_.background);
        setColor(theme_.foreground);
    }
    setMarginsFont(font);
    setMarginsBackgroundColor(theme_.marginBackground);
    setMarginsForegroundColor(theme_.marginForeground);
    setSelectionBackgroundColor(theme_.selection);
    setCaretForegroundColor(theme_.caret);
}

} // namespace molt::editor
