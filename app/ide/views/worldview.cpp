#include "app/ide/views/worldview.h"

#include "app/ide/views/theme.h"

#include <QPainter>
#include <QResizeEvent>
#include <cmath>

namespace molt::ide {

namespace {

QColor colorOf(uint32_t argb) {
    return QColor::fromRgba(argb);
}

bool finite(const CanvasOp& op) {
    return std::isfinite(op.x) && std::isfinite(op.y) && std::isfinite(op.w) &&
           std::isfinite(op.h) && std::isfinite(op.lineWidth);
}

} // namespace

WorldView::WorldView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 100);
}

void WorldView::showFrame(const FramePtr& frame) {
    frame_ = frame;
    ++framesShown_;
    update();
}

void WorldView::clearFrame() {
    frame_.reset();
    update();
}

void WorldView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    Q_EMIT canvasResized(e->size().width(), e->size().height());
}

void WorldView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const UiColors& colors = uiColors();
    p.fillRect(rect(), colors.worldBackground);
    if (!frame_) {
        p.setPen(colors.worldText);
        p.drawText(rect(), Qt::AlignCenter,
                   tr("The world view shows what the program draws with Canvas.\n"
                      "Run a program that calls Canvas.present()."));
        return;
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    double sx = width() / std::max(1.0, frame_->width);
    double sy = height() / std::max(1.0, frame_->height);
    double scale = std::min(sx, sy);
    p.translate((width() - frame_->width * scale) / 2, (height() - frame_->height * scale) / 2);
    p.scale(scale, scale);
    p.setClipRect(QRectF(0, 0, frame_->width, frame_->height));
    for (const CanvasOp& op : frame_->ops) {
        if (!finite(op)) continue;
        QColor c = colorOf(op.color);
        switch (op.kind) {
        case CanvasOp::Kind::Clear:
            p.fillRect(QRectF(0, 0, frame_->width, frame_->height), c);
            break;
        case CanvasOp::Kind::FillRect: p.fillRect(QRectF(op.x, op.y, op.w, op.h), c); break;
        case CanvasOp::Kind::StrokeRect:
            p.setPen(QPen(c, op.lineWidth));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(op.x, op.y, op.w, op.h));
            break;
        case CanvasOp::Kind::FillCircle:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(QPointF(op.x, op.y), op.w, op.w);
            break;
        case CanvasOp::Kind::StrokeCircle:
            p.setPen(QPen(c, op.lineWidth));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(QPointF(op.x, op.y), op.w, op.w);
            break;
        case CanvasOp::Kind::Line:
            p.setPen(QPen(c, op.lineWidth, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(op.x, op.y), QPointF(op.w, op.h));
            break;
        case CanvasOp::Kind::Text: {
            QFont f = font();
            f.setPixelSize(std::clamp(int(op.h), 4, 400));
            p.setFont(f);
            p.setPen(c);
            p.drawText(QPointF(op.x, op.y), QString::fromStdString(op.text));
            break;
        }
        }
    }
}

} // namespace molt::ide
