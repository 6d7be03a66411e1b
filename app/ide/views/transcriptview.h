// transcriptview.h — the program's console output (stdout, and stderr in red), in batches.
// Each frame line of a stack trace it shows ("    at Pump.run (main.js:12:5)") is a link:
// a click on it, or Return on its line, opens the frame as the Suspended panel does.
#pragma once

#include "app/ide/views/framelink.h"

#include <QPlainTextEdit>
#include <optional>

namespace molt::ide {

class TranscriptView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit TranscriptView(QWidget* parent = nullptr);
    void appendOutput(const QString& text, bool isError);
    void appendNote(const QString& text); // the IDE's own lines (run, stop, updates)
    // The frame linked at a point of the viewport, if there is one.
    std::optional<FrameLocation> frameAt(const QPoint& viewportPos) const;

Q_SIGNALS:
    void frameActivated(const FrameLocation& location);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void linkFrames(int lastBlocks);
    QString pressedLink_; // a click is a press and a release on the same link
};

} // namespace molt::ide
