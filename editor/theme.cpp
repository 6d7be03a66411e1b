#include "editor/theme.h"

namespace molt::editor {

namespace {

// Walks "a.b.c" -> "a.b" -> "a" and returns the first name the set or map knows.
template<typename Container> QString resolve(const Container& c, QString name) {
    for (;;) {
        if (c.contains(name)) return name;
        qsizetype dot = name.lastIndexOf(u'.');
        if (dot < 0) return {};
        name.truncate(dot);
    }
}

} // namespace

QColor Theme::colorFor(const QString& capture) const {
    QString key = resolve(captures, capture);
    return key.isEmpty() ? foreground : captures.value(key);
}

bool Theme::isItalic(const QString& capture) const {
    return !resolve(italicCaptures, capture).isEmpty();
}

bool Theme::isBold(const QString& capture) const {
    return !resolve(boldCaptures, capture).isEmpty();
}

Theme Theme::light() {
    Theme t;
    t.name = QStringLiteral("light");
    t.background = QColor(QRgb(0xffffff));
    t.foreground = QColor(QRgb(0x24292e));
    t.caret = QColor(QRgb(0x000000));
    t.caretLine = QColor(QRgb(0xf3f6fa));
    t.selection = QColor(QRgb(0xc8e1ff));
    t.marginBackground = QColor(QRgb(0xf6f8fa));
    t.marginForeground = QColor(QRgb(0x8c959f));
    t.foldMarginBackground = QColor(QRgb(0xf6f8fa));
    t.braceMatchBackground = QColor(QRgb(0xd0f0d0));
    t.braceMatchForeground = QColor(QRgb(0x24292e));
    t.braceBadForeground = QColor(QRgb(0xd73a49));
    t.error = QColor(QRgb(0xd73a49));
    t.warning = QColor(QRgb(0xd9a400));
    t.information = QColor(QRgb(0x0366d6));
    t.diffAdded = QColor(QRgb(0x22863a));
    t.diffRemoved = QColor(QRgb(0xb31d28));
    t.diffHeader = QColor(QRgb(0x6f42c1));
    t.captures = {
        {QStringLiteral("keyword"), QColor(QRgb(0xd73a49))},
        {QStringLiteral("string"), QColor(QRgb(0x032f62))},
        {QStringLiteral("string.special"), QColor(QRgb(0x22863a))},
        {QStringLiteral("number"), QColor(QRgb(0x005cc5))},
        {QStringLiteral("comment"), QColor(QRgb(0x6a737d))},
        {QStringLiteral("constant"), QColor(QRgb(0x005cc5))},
        {QStringLiteral("constant.builtin"), QColor(QRgb(0x005cc5))},
        {QStringLiteral("constructor"), QColor(QRgb(0x6f42c1))},
        {QStringLiteral("function"), QColor(QRgb(0x6f42c1))},
        {QStringLiteral("function.method"), QColor(QRgb(0x6f42c1))},
        {QStringLiteral("function.builtin"), QColor(QRgb(0x005cc5))},
        {QStringLiteral("property"), QColor(QRgb(0x005cc5))},
        {QStringLiteral("variable"), QColor(QRgb(0x24292e))},
        {QStringLiteral("variable.builtin"), QColor(QRgb(0xe36209))},
        {QStringLiteral("operator"), QColor(QRgb(0xd73a49))},
        {QStringLiteral("punctuation"), QColor(QRgb(0x24292e))},
        {QStringLiteral("punctuation.special"), QColor(QRgb(0xd73a49))},
        {QStringLiteral("tag"), QColor(QRgb(0x22863a))},
    };
    t.italicCaptures = {QStringLiteral("comment")};
    t.boldCaptures = {QStringLiteral("keyword")};
    return t;
}

Theme Theme::dark() {
    Theme t;
    t.name = QStringLiteral("dark");
    t.background = QColor(QRgb(0x1e1e1e));
    t.foreground = QColor(QRgb(0xd4d4d4));
    t.caret = QColor(QRgb(0xaeafad));
    t.caretLine = QColor(QRgb(0x2a2d2e));
    t.selection = QColor(QRgb(0x264f78));
    t.marginBackground = QColor(QRgb(0x1e1e1e));
    t.marginForeground = QColor(QRgb(0x858585));
    t.foldMarginBackground = QColor(QRgb(0x1e1e1e));
    t.braceMatchBackground = QColor(QRgb(0x3a3d41));
    t.braceMatchForeground = QColor(QRgb(0xffffff));
    t.braceBadForeground = QColor(QRgb(0xf44747));
    t.error = QColor(QRgb(0xf44747));
    t.warning = QColor(QRgb(0xcca700));
    t.information = QColor(QRgb(0x3794ff));
    t.diffAdded = QColor(QRgb(0x81b88b));
    t.diffRemoved = QColor(QRgb(0xe06c75));
    t.diffHeader = QColor(QRgb(0xc586c0));
    t.captures = {
        {QStringLiteral("keyword"), QColor(QRgb(0x569cd6))},
        {QStringLiteral("string"), QColor(QRgb(0xce9178))},
        {QStringLiteral("string.special"), QColor(QRgb(0xd16969))},
        {QStringLiteral("number"), QColor(QRgb(0xb5cea8))},
        {QStringLiteral("comment"), QColor(QRgb(0x6a9955))},
        {QStringLiteral("constant"), QColor(QRgb(0x4fc1ff))},
        {QStringLiteral("constant.builtin"), QColor(QRgb(0x569cd6))},
        {QStringLiteral("constructor"), QColor(QRgb(0x4ec9b0))},
        {QStringLiteral("function"), QColor(QRgb(0xdcdcaa))},
        {QStringLiteral("function.method"), QColor(QRgb(0xdcdcaa))},
        {QStringLiteral("function.builtin"), QColor(QRgb(0x4ec9b0))},
        {QStringLiteral("property"), QColor(QRgb(0x9cdcfe))},
        {QStringLiteral("variable"), QColor(QRgb(0x9cdcfe))},
        {QStringLiteral("variable.builtin"), QColor(QRgb(0x569cd6))},
        {QStringLiteral("operator"), QColor(QRgb(0xd4d4d4))},
        {QStringLiteral("punctuation"), QColor(QRgb(0xd4d4d4))},
        {QStringLiteral("punctuation.special"), QColor(QRgb(0x569cd6))},
        {QStringLiteral("tag"), QColor(QRgb(0x569cd6))},
    };
    t.italicCaptures = {QStringLiteral("comment")};
    return t;
}

} // namespace molt::editor
