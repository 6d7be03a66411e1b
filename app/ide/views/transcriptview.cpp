#include "app/ide/views/transcriptview.h"

#include "app/ide/constants.h"
#include "app/ide/views/theme.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace molt::ide {

TranscriptView::TranscriptView(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("transcript"));
    setReadOnly(true);
    setMaximumBlockCount(Constants::kTranscriptMaxBlocks);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Console output of the running program appears here."));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    viewport()->setMouseTracking(true); // the pointing hand over a frame link
}

void TranscriptView::appendOutput(const QString& text, bool isError) {
    QScrollBar* bar = verticalScrollBar();
    bool atEnd = bar->value() >= bar->maximum() - 4;
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    QTextCharFormat f;
    if (isError) f.setForeground(uiColors().removed);
    c.insertText(text, f);
    // The batch's lines, and the line it continued: output arrives in pieces, so a frame
    // line may be complete only now.
    linkFrames(int(text.count(QLatin1Char('\n'))) + 1);
    if (atEnd) bar->setValue(bar->maximum());
}

void TranscriptView::linkFrames(int lastBlocks) {
    QTextBlock block = document()->lastBlock();
    for (int i = 0; i < lastBlocks && block.isValid(); ++i, block = block.previous()) {
        std::optional<FrameLine> frame = matchFrameLine(block.text());
        if (!frame) continue;
        QTextCursor link(block);
        link.setPosition(block.position() + frame->start);
        link.setPosition(block.position() + frame->start + frame->length, QTextCursor::KeepAnchor);
        QTextCharFormat f;
        f.setAnchor(true);
        f.setAnchorHref(frame->location.text());
        f.setFontUnderline(true);
        f.setToolTip(tr("Open %1").arg(frame->location.text()));
        link.mergeCharFormat(f);
    }
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

std::optional<FrameLocation> TranscriptView::frameAt(const QPoint& viewportPos) const {
    QString href = anchorAt(viewportPos);
    if (href.isEmpty()) return std::nullopt;
    return parseFrameLocation(href);
}

void TranscriptView::mousePressEvent(QMouseEvent* event) {
    pressedLink_ =
        event->button() == Qt::LeftButton ? anchorAt(event->position().toPoint()) : QString();
    QPlainTextEdit::mousePressEvent(event);
}

void TranscriptView::mouseReleaseEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || pressedLink_.isEmpty()) return;
    QString link = std::exchange(pressedLink_, QString());
    // A drag that selects text across a link is no click on it.
    if (anchorAt(event->position().toPoint()) != link || textCursor().hasSelection()) return;
    if (std::optional<FrameLocation> location = parseFrameLocation(link))
        Q_EMIT frameActivated(*location);
}

void TranscriptView::mouseMoveEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseMoveEvent(event);
    bool onLink = !anchorAt(event->position().toPoint()).isEmpty();
    viewport()->setCursor(onLink ? Qt::PointingHandCursor : Qt::IBeamCursor);
}

void TranscriptView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (std::optional<FrameLine> frame = matchFrameLine(textCursor().block().text())) {
            Q_EMIT frameActivated(frame->location);
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace molt::ide
