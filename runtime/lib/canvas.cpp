#include "runtime/lib/canvas.h"

#include "runtime/core/assert.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <unordered_map>

namespace molt {

namespace {

// Natives receive the VM, not the Canvas: one registry maps each VM to its Canvas. VMs
// live on different OS threads (the IDE, tests), so the map is locked; lookups are rare
// next to drawing (once per call, a hash lookup).
std::mutex registryMutex;
std::unordered_map<const VM*, Canvas*>& registry() {
    static std::unordered_map<const VM*, Canvas*> map;
    return map;
}

constexpr uint32_t kFallbackColor = 0xff808080;

uint32_t clampByte(double v) {
    if (!(v > 0)) return 0;
    return v >= 255 ? 255u : uint32_t(std::lround(v));
}

// "12", "12.5", "50%" (percent of `percentOf`); false when not a number.
bool parseComponent(std::string_view s, double percentOf, double& out) {
    while (!s.empty() && std::isspace(uint8_t(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(uint8_t(s.back())))
        s.remove_suffix(1);
    bool percent = !s.empty() && s.back() == '%';
    if (percent) s.remove_suffix(1);
    if (s.empty()) return false;
    std::string buf(s);
    char* end = nullptr;
    double v = std::strtod(buf.c_str(), &end);
    if (end != buf.c_str() + buf.size()) return false;
    out = percent ? v / 100.0 * percentOf : v;
    return true;
}

bool parseFunctional(std::string_view name, std::string_view args, uint32_t& argb) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= args.size(); ++i)
        if (i == args.size() || args[i] == ',') {
            parts.push_back(args.substr(start, i - start));
            start = i + 1;
        }
    bool hasAlpha = name == "rgba" || name == "hsla";
    if (parts.size() != (hasAlpha ? 4u : 3u)) return false;
    double alpha = 1;
    if (hasAlpha && !parseComponent(parts[3], 1, alpha)) return false;
    double r, g, b;
    if (name == "rgb" || name == "rgba") {
        if (!parseComponent(parts[0], 255, r) || !parseComponent(parts[1], 255, g) ||
            !parseComponent(parts[2], 255, b))
            return false;
    } else {
        double h, s, l;
        if (!parseComponent(parts[0], 360, h) || !parseComponent(parts[1], 1, s) ||
            !parseComponent(parts[2], 1, l))
            return false;
        h = std::fmod(std::fmod(h, 360) + 360, 360) / 360;
        s = std::clamp(s, 0.0, 1.0);
        l = std::clamp(l, 0.0, 1.0);
        auto hue = [](double p, double q, double t) {
            if (t < 0) t += 1;
            if (t > 1) t -= 1;
            if (t < 1.0 / 6) return p + (q - p) * 6 * t;
            if (t < 1.0 / 2) return q;
            if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
            return p;
        };
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        r = 255 * hue(p, q, h + 1.0 / 3);
        g = 255 * hue(p, q, h);
        b = 255 * hue(p, q, h - 1.0 / 3);
    }
    argb = clampByte(alpha * 255) << 24 | clampByte(r) << 16 | clampByte(g) << 8 | clampByte(b);
    return true;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = char(std::tolower(uint8_t(c)));
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

Canvas* canvasOf(VM& vm) {
    Canvas* c = Canvas::of(vm);
    MOLT_CHECK(c, "a Canvas native ran in a VM without a Canvas");
    return c;
}

float num(const Value* args, int argc, int i, double fallback = 0) {
    Value v = arg(args, argc, i);
    if (v.isUndefined()) return float(fallback);
    return float(VM::toNumber(v));
}

uint32_t colorArg(VM& vm, const Value* args, int argc, int i, uint32_t fallback) {
    Value v = arg(args, argc, i);
    if (v.isUndefined()) return fallback;
    uint32_t argb = kFallbackColor;
    if (isString(v)) parseCanvasColor(asString(v)->view(), argb);
    return argb;
}

Value recordOp(VM& vm, CanvasOp&& op) {
    if (!canvasOf(vm)->record(std::move(op)))
        return vm.throwRangeError("Canvas: more than " + std::to_string(Canvas::kMaxOps) +
                                  " drawing calls since the last Canvas.clear()");
    return Value::undefined();
}

Value canvasWidth(VM& vm, Value, Value*, int) {
    return Value::number(canvasOf(vm)->width());
}
Value canvasHeight(VM& vm, Value, Value*, int) {
    return Value::number(canvasOf(vm)->height());
}

Value canvasClear(VM& vm, Value, Value* args, int argc) {
    canvasOf(vm)->clear(colorArg(vm, args, argc, 0, 0xff000000));
    return Value::undefined();
}

Value shape(VM& vm, Value* args, int argc, CanvasOp::Kind kind, int colorIndex) {
    CanvasOp op;
    op.kind = kind;
    op.x = num(args, argc, 0);
    op.y = num(args, argc, 1);
    bool circle = kind == CanvasOp::Kind::FillCircle || kind == CanvasOp::Kind::StrokeCircle;
    op.w = num(args, argc, 2);
    op.h = circle ? op.w : num(args, argc, 3);
    op.color = colorArg(vm, args, argc, colorIndex, 0xffffffff);
    op.lineWidth = num(args, argc, colorIndex + 1, 1);
    return recordOp(vm, std::move(op));
}

Value canvasFillRect(VM& vm, Value, Value* args, int argc) {
    return shape(vm, args, argc, CanvasOp::Kind::FillRect, 4);
}
Value canvasStrokeRect(VM& vm, Value, Value* args, int argc) {
    return shape(vm, args, argc, CanvasOp::Kind::StrokeRect, 4);
}
Value canvasFillCircle(VM& vm, Value, Value* args, int argc) {
    return shape(vm, args, argc, CanvasOp::Kind::FillCircle, 3);
}
Value canvasStrokeCircle(VM& vm, Value, Value* args, int argc) {
    return shape(vm, args, argc, CanvasOp::Kind::StrokeCircle, 3);
}
Value canvasLine(VM& vm, Value, Value* args, int argc) {
    return shape(vm, args, argc, CanvasOp::Kind::Line, 4);
}

Value canvasText(VM& vm, Value, Value* args, int argc) {
    Value text = toStringValue(vm, arg(args, argc, 2));
    if (text.isException()) return text;
    CanvasOp op;
    op.kind = CanvasOp::Kind::Text;
    op.x = num(args, argc, 0);
    op.y = num(args, argc, 1);
    op.text = std::string(asString(text)->view());
    op.color = colorArg(vm, args, argc, 3, 0xffffffff);
    op.h = num(args, argc, 4, 14);
    return recordOp(vm, std::move(op));
}

Value canvasPresent(VM& vm, Value, Value*, int) {
    return Value::number(double(canvasOf(vm)->present()));
}

} // namespace

bool parseCanvasColor(std::string_view s, uint32_t& argb) {
    while (!s.empty() && std::isspace(uint8_t(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(uint8_t(s.back())))
        s.remove_suffix(1);
    if (!s.empty() && s[0] == '#') {
        std::string_view hex = s.substr(1);
        int digits[8];
        if (hex.size() != 3 && hex.size() != 6 && hex.size() != 8) return false;
        for (size_t i = 0; i < hex.size(); ++i)
            if ((digits[i] = hexDigit(hex[i])) < 0) return false;
        if (hex.size() == 3) {
            argb = 0xff000000u | uint32_t(digits[0] * 17) << 16 | uint32_t(digits[1] * 17) << 8 |
                   uint32_t(digits[2] * 17);
            return true;
        }
        auto byte = [&](int i) { return uint32_t(digits[2 * i] * 16 + digits[2 * i + 1]); };
        uint32_t alpha = hex.size() == 8 ? byte(3) : 0xff;
        argb = alpha << 24 | byte(0) << 16 | byte(1) << 8 | byte(2);
        return true;
    }
    size_t open = s.find('(');
    if (open != std::string_view::npos && s.back() == ')') {
        std::string name;
        for (char c : s.substr(0, open))
            name += char(std::tolower(uint8_t(c)));
        return parseFunctional(name, s.substr(open + 1, s.size() - open - 2), argb);
    }
    static const std::pair<const char*, uint32_t> names[] = {
        {"black", 0xff000000},   {"white", 0xffffffff},   {"red", 0xffff0000},
        {"green", 0xff008000},   {"blue", 0xff0000ff},    {"yellow", 0xffffff00},
        {"orange", 0xffffa500},  {"purple", 0xff800080},  {"gray", 0xff808080},
        {"grey", 0xff808080},    {"silver", 0xffc0c0c0},  {"maroon", 0xff800000},
        {"olive", 0xff808000},   {"lime", 0xff00ff00},    {"aqua", 0xff00ffff},
        {"cyan", 0xff00ffff},    {"teal", 0xff008080},    {"navy", 0xff000080},
        {"fuchsia", 0xffff00ff}, {"magenta", 0xffff00ff}, {"pink", 0xffffc0cb},
        {"brown", 0xffa52a2a},   {"gold", 0xffffd700},    {"transparent", 0x00000000},
    };
    std::string lower;
    for (char c : s)
        lower += char(std::tolower(uint8_t(c)));
    for (auto& [name, value] : names)
        if (lower == name) {
            argb = value;
            return true;
        }
    return false;
}

Canvas::Canvas(VM& vm, double width, double height) : vm_(vm), width_(width), height_(height) {
    {
        std::lock_guard lock(registryMutex);
        registry()[&vm] = this;
    }
    Class* c = newNamespace(vm, "Canvas");
    Root keep(vm.heap, Value::object(c));
    const std::pair<const char*, NativeFn> getters[] = {{"width", canvasWidth},
                                                        {"height", canvasHeight}};
    for (auto [name, fn] : getters) {
        Root getter(vm.heap, Value::object(vm.newNative(name, fn, 0)));
        c->staticGetters[vm.intern(name)] = getter.value;
    }
    vm.defineStaticMethod(c, "clear", canvasClear, 1);
    vm.defineStaticMethod(c, "fillRect", canvasFillRect, 5);
    vm.defineStaticMethod(c, "strokeRect", canvasStrokeRect, 6);
    vm.defineStaticMethod(c, "fillCircle", canvasFillCircle, 4);
    vm.defineStaticMethod(c, "strokeCircle", canvasStrokeCircle, 5);
    vm.defineStaticMethod(c, "line", canvasLine, 6);
    vm.defineStaticMethod(c, "text", canvasText, 5);
    vm.defineStaticMethod(c, "present", canvasPresent, 0);
    vm.defineGlobal("Canvas", keep.value);
}

Canvas::~Canvas() {
    std::lock_guard lock(registryMutex);
    registry().erase(&vm_);
}

Canvas* Canvas::of(const VM& vm) {
    std::lock_guard lock(registryMutex);
    auto it = registry().find(&vm);
    return it == registry().end() ? nullptr : it->second;
}

void Canvas::setSize(double width, double height) {
    width_ = width;
    height_ = height;
}

bool Canvas::record(CanvasOp&& op) {
    if (ops_.size() >= kMaxOps) return false;
    ops_.push_back(std::move(op));
    return true;
}

void Canvas::clear(uint32_t argb) {
    ops_.clear();
    CanvasOp op;
    op.kind = CanvasOp::Kind::Clear;
    op.color = argb;
    ops_.push_back(std::move(op));
}

uint64_t Canvas::present() {
    ++sequence_;
    if (sink) {
        CanvasFrame frame;
        frame.width = width_;
        frame.height = height_;
        frame.sequence = sequence_;
        frame.ops = ops_; // the program may keep drawing onto this frame and present again
        sink(std::move(frame));
    }
    return sequence_;
}

} // namespace molt
