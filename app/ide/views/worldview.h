// worldview.h — the canvas a running program draws into (the hosted Canvas API).
//
// Shows the latest frame the program presented, scaled to fit while keeping its aspect
// ratio; tells the host its size so `Canvas.width/height` follow the view.
#pragma once

#include "app/ide/host/vmmessages.h"

#include <QWidget>

namespace molt::ide {

class WorldView : public QWidget {
    Q_OBJECT
public:
    explicit WorldView(QWidget* parent = nullptr);

    void showFrame(const FramePtr& frame);
    void clearFrame();
    uint64_t framesShown() const { return framesShown_; }
    FramePtr frame() const { return frame_; }
    QSize sizeHint() const override { return {480, 300}; }

Q_SIGNALS:
    void canvasResized(int width, int height);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;

private:
    FramePtr frame_;
    uint64_t framesShown_ = 0;
};

} // namespace molt::ide
