// canvas.h — the hosted `Canvas` global: a program draws shapes and text into a display
// list of plain data, and `Canvas.present()` hands the finished frame to the host.
//
// Invariants:
//   * Frames are plain data (numbers, colours as 0xAARRGGBB, UTF-8 text): no Value or Obj
//     pointer escapes, so a host may move a frame to another OS thread (the IDE's world
//     view paints it on the UI thread).
//   * Drawing never blocks and never calls back into hosted code. Without a sink (the
//     `molt` CLI) frames are recorded and dropped, so an animation runs headless.
//   * A frame holds at most kMaxOps operations; past that a drawing call throws a
//     RangeError (a program that never presents cannot exhaust memory).
//
// Hosted API (all static): Canvas.width, Canvas.height, Canvas.clear(color),
// Canvas.fillRect(x, y, w, h, color), Canvas.strokeRect(x, y, w, h, color, lineWidth),
// Canvas.fillCircle(x, y, r, color), Canvas.strokeCircle(x, y, r, color, lineWidth),
// Canvas.line(x1, y1, x2, y2, color, lineWidth), Canvas.text(x, y, text, color, size),
// Canvas.present() -> number of frames presented so far.
// Colours: "#rgb", "#rrggbb", "#rrggbbaa", "rgb(r, g, b)", "rgba(r, g, b, a)",
// "hsl(h, s%, l%)" and the CSS basic names; anything else draws in grey.
#pragma once

#include "runtime/core/vm.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace molt {

struct CanvasOp {
    enum class Kind : uint8_t { Clear, FillRect, StrokeRect, FillCircle, StrokeCircle, Line, Text };
    Kind kind = Kind::Clear;
    float x = 0, y = 0;  // rect: top left; circle: centre; line: start; text: baseline start
    float w = 0, h = 0;  // rect: size; circle: w = radius; line: end point; text: h = size
    float lineWidth = 1; // strokes and lines
    uint32_t color = 0;  // 0xAARRGGBB
    std::string text;    // Text only
};

struct CanvasFrame {
    double width = 0, height = 0; // the canvas size the program saw while drawing
    uint64_t sequence = 0;        // 1 for the first presented frame
    std::vector<CanvasOp> ops;
};

// Parses a CSS-like colour; returns false (and leaves `argb` alone) when not understood.
bool parseCanvasColor(std::string_view text, uint32_t& argb);

class Canvas {
public:
    static constexpr size_t kMaxOps = 200000;

    // Defines the `Canvas` global in `vm`. One Canvas per VM; it must outlive the VM's use.
    explicit Canvas(VM& vm, double width = 640, double height = 400);
    ~Canvas();
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    // The size reported to the program (the host's view size). Call between slices.
    void setSize(double width, double height);
    double width() const { return width_; }
    double height() const { return height_; }
    uint64_t framesPresented() const { return sequence_; }

    // Receives each presented frame (on the VM's thread). Unset: frames are dropped.
    std::function<void(CanvasFrame&&)> sink;

    // Used by the natives.
    static Canvas* of(const VM& vm);
    bool record(CanvasOp&& op); // false when the frame is full
    void clear(uint32_t argb);
    uint64_t present();

private:
    VM& vm_;
    double width_, height_;
    uint64_t sequence_ = 0;
    std::vector<CanvasOp> ops_;
};

} // namespace molt
