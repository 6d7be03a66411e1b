// value.h — the tagged value every slot, stack cell and constant holds.
//
// A Value is 64 bits, NaN-boxed:
//   - a double is stored as its own bits; every NaN the runtime produces is canonicalized
//     to kCanonicalNaN, so the quiet-NaN space above 0x7ffc... is free for tags;
//   - small integers (int32) carry kIntTag in the top 32 bits: arithmetic on two of them
//     takes the fast path in the interpreter and falls back to doubles on overflow;
//   - undefined, null, false, true and the internal markers are fixed bit patterns;
//   - heap references carry kObjTag in the top 16 bits and the 48-bit pointer below.
//
// Invariants:
//   * An int-tagged and a double-tagged number with the same numeric value are the same
//     JavaScript number: equality, hashing (Map/Set keys) and printing never look at the tag.
//   * kEmpty never escapes into hosted code: it marks array holes, uninitialized
//     let/const/class bindings (the temporal dead zone) and instance fields not assigned
//     yet, and reading it is an error or `undefined`, depending on where it is read. An
//     unassigned field is no property: a read finds the class's method or accessor of
//     that name, and Object.keys, JSON, `in` and printing skip it, as in JavaScript.
//   * kException is only ever a return value of natives and VM helpers: it means "an
//     exception is pending in the VM", never a value stored in the heap.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace molt {

struct Obj;

class Value {
public:
    static constexpr uint64_t kCanonicalNaN = 0x7ff8000000000000ull;
    static constexpr uint64_t kTagMask = 0xffff000000000000ull;
    static constexpr uint64_t kIntTag = 0x7ffd000000000000ull;
    static constexpr uint64_t kSpecialTag = 0x7ffe000000000000ull;
    static constexpr uint64_t kObjTag = 0xfffc000000000000ull;
    static constexpr uint64_t kBoxedSpace = 0x7ffc000000000000ull;

    enum Special : uint64_t {
        kUndefinedBits = kSpecialTag | 1,
        kNullBits = kSpecialTag | 2,
        kFalseBits = kSpecialTag | 3,
        kTrueBits = kSpecialTag | 4,
        kEmptyBits = kSpecialTag | 5,
        kExceptionBits = kSpecialTag | 6,
    };

    constexpr Value() : bits_(kUndefinedBits) {}

    static constexpr Value fromBits(uint64_t b) {
        Value v;
        v.bits_ = b;
        return v;
    }
    static constexpr Value undefined() { return fromBits(kUndefinedBits); }
    static constexpr Value null() { return fromBits(kNullBits); }
    static constexpr Value boolean(bool b) { return fromBits(b ? kTrueBits : kFalseBits); }
    static constexpr Value empty() { return fromBits(kEmptyBits); }
    static constexpr Value exception() { return fromBits(kExceptionBits); }
    static constexpr Value integer(int32_t i) { return fromBits(kIntTag | uint32_t(i)); }
    static Value number(double d) {
        // Doubles that are small integers become ints so the fast paths stay hot; -0 stays a
        // double.
        if (d >= -2147483648.0 && d <= 2147483647.0) {
            int32_t i = int32_t(d);
            if (double(i) == d && !(i == 0 && std::signbit(d))) return integer(i);
        }
        return rawDouble(d);
    }
    static Value rawDouble(double d) {
        if (d != d) return fromBits(kCanonicalNaN);
        Value v;
        std::memcpy(&v.bits_, &d, sizeof d);
        return v;
    }
    static Value object(const Obj* o) { return fromBits(kObjTag | uint64_t(uintptr_t(o))); }

    uint64_t bits() const { return bits_; }
    bool isInt() const { return (bits_ & ~0xffffffffull) == kIntTag; }
    bool isDouble() const { return (bits_ & kBoxedSpace) != kBoxedSpace; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isObject() const { return (bits_ & kTagMask) == kObjTag; }
    bool isUndefined() const { return bits_ == kUndefinedBits; }
    bool isNull() const { return bits_ == kNullBits; }
    bool isNullish() const { return bits_ == kUndefinedBits || bits_ == kNullBits; }
    bool isBool() const { return bits_ == kTrueBits || bits_ == kFalseBits; }
    bool isTrue() const { return bits_ == kTrueBits; }
    bool isEmpty() const { return bits_ == kEmptyBits; }
    bool isException() const { return bits_ == kExceptionBits; }

    int32_t asInt() const { return int32_t(uint32_t(bits_)); }
    double asDouble() const {
        double d;
        std::memcpy(&d, &bits_, sizeof d);
        return d;
    }
    double asNumber() const { return isInt() ? double(asInt()) : asDouble(); }
    bool asBool() const { return bits_ == kTrueBits; }
    Obj* asObject() const { return reinterpret_cast<Obj*>(uintptr_t(bits_ & ~kTagMask)); }

    friend bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }
    friend bool operator!=(Value a, Value b) { return a.bits_ != b.bits_; }

private:
    uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

} // namespace molt
