#include "app/ide/views/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace molt::ide {

namespace {

bool darkTheme = false;

UiColors colorsFor(bool dark) {
    if (dark)
        return {QColor("#4a3b12"), QColor("#ffd479"), QColor("#2f8f5b"), QColor("#c9463d"),
                QColor("#3d7fd9"), QColor("#b08a1e"), QColor("#5a1e22"), QColor("#ffd7d7"),
                QColor("#1d3557"), QColor("#d6e6ff"), QColor("#1d4030"), QColor("#c9f2d9"),
                QColor("#15181e"), QColor("#8a93a6")};
    return {QColor("#fff4d6"), QColor("#7a4d00"), QColor("#1a7f37"), QColor("#cf222e"),
            QColor("#0969da"), QColor("#9a6700"), QColor("#ffebe9"), QColor("#82071e"),
            QColor("#ddf4ff"), QColor("#0a3069"), QColor("#dafbe1"), QColor("#116329"),
            QColor("#20242c"), QColor("#8a93a6")};
}

UiColors current = colorsFor(false);

} // namespace

void applyApplicationTheme(bool dark) {
    darkTheme = dark;
    current = colorsFor(dark);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    if (dark) {
        QColor window("#282c34"), base("#1e2127"), text("#d7dae0"), button("#2f343d");
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor("#252931"));
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor("#7f848e"));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, button);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::white);
        p.setColor(QPalette::Highlight, QColor("#3d6fd6"));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor("#61afef"));
        p.setColor(QPalette::Mid, QColor("#3a3f4b"));
        p.setColor(QPalette::Dark, QColor("#1b1e24"));
        for (auto role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
            p.setColor(QPalette::Disabled, role, QColor("#6b717d"));
    } else {
        p = QApplication::style()->standardPalette();
        p.setColor(QPalette::Window, QColor("#f3f4f6"));
        p.setColor(QPalette::AlternateBase, QColor("#f6f8fa"));
        p.setColor(QPalette::Highlight, QColor("#2f6fde"));
    }
    QApplication::setPalette(p);
}

bool isDarkTheme() {
    return darkTheme;
}

const UiColors& uiColors() {
    return current;
}

} // namespace molt::ide
