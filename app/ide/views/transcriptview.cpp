#include "app/ide/views/transcriptview.h"

#include "app/ide/constants.h"
#include "app/ide/views/theme.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextCursor>

namespace molt::ide {

TranscriptView::TranscriptView(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("transcript"));
    setReadOnly(true);
    setMaximumBlockCount(Constants::kTranscriptMaxBlocks);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Console output of the running program appears here."));
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void TranscriptView::appendOutput(const QString& text, bool isError) {
    QScrollBar* bar = verticalScrollBar();
    bool atEnd = bar->value() >= bar->maximum() - 4;
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    QTextCharFormat f;
    if (isError) f.setForeground(uiColors().removed);
    c.insertText(text, f);
    if (atEnd) bar->setValue(bar->maximum());
}

void TranscriptView::appendNote(const QString& text) {
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    if (!document()->isEmpty() && !toPlainText().endsWith(QLatin1Char('\n'))) c.insertText("\n");
    QTextCharFormat f;
    f.setForeground(palette().color(QPalette::PlaceholderText));
    f.setFontItalic(true);
    c.insertText(QStringLiteral("— ") + text + QLatin1Char('\n'), f);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace molt::ide
