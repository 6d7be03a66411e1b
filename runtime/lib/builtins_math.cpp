// builtins_math.cpp — the Math namespace.
//
// Every function coerces its arguments with ToNumber first (so Math.max("3", [4]) works
// and a throwing valueOf propagates), then applies JavaScript's rules where they differ
// from C's: Math.round rounds half up and keeps -0, Math.pow(1, NaN) is NaN, Math.max of
// nothing is -Infinity and of any NaN is NaN, +0 is larger than -0. Math.hypot uses V8's
// scaled Kahan summation so the last digit matches node's.
//
// Math.random is xorshift128+ (V8's generator too), seeded from the clock once per process.
#include "runtime/lib/natives.h"

#include <chrono>
#include <cmath>
#include <cstring>

namespace molt {

namespace {

bool numberArg(VM& vm, Value* args, int argc, int i, double& out) {
    Value v = arg(args, argc, i);
    if (v.isNumber()) {
        out = v.asNumber();
        return true;
    }
    Value n = vm.toPrimitiveNumber(v);
    if (n.isException()) return false;
    out = n.asNumber();
    return true;
}

template<double (*F)(double)> Value unary(VM& vm, Value, Value* args, int argc) {
    double x;
    if (!numberArg(vm, args, argc, 0, x)) return Value::exception();
    return Value::number(F(x));
}

double mathRound(double x) {
    if (!std::isfinite(x) || x == std::trunc(x)) return x;
    double r = std::floor(x);
    if (x - r >= 0.5) r += 1;
    if (r == 0 && x < 0) return -0.0;
    return r;
}

double mathSign(double x) {
    if (x != x || x == 0) return x;
    return x > 0 ? 1 : -1;
}

double mathAbs(double x) {
    return std::fabs(x);
}
double mathFloor(double x) {
    return std::floor(x);
}
double mathCeil(double x) {
    return std::ceil(x);
}
double mathTrunc(double x) {
    return std::trunc(x);
}
double mathSqrt(double x) {
    return std::sqrt(x);
}
double mathCbrt(double x) {
    return jsCbrt(x);
}
double mathSin(double x) {
    return jsSin(x);
}
double mathCos(double x) {
    return jsCos(x);
}
double mathTan(double x) {
    return jsTan(x);
}
double mathAsin(double x) {
    return jsAsin(x);
}
double mathAcos(double x) {
    return jsAcos(x);
}
double mathAtan(double x) {
    return jsAtan(x);
}
double mathSinh(double x) {
    return jsSinh(x);
}
double mathCosh(double x) {
    return jsCosh(x);
}
double mathTanh(double x) {
    return jsTanh(x);
}
double mathAsinh(double x) {
    return jsAsinh(x);
}
double mathAcosh(double x) {
    return jsAcosh(x);
}
double mathAtanh(double x) {
    return jsAtanh(x);
}
double mathExp(double x) {
    return jsExp(x);
}
double mathExpm1(double x) {
    return jsExpm1(x);
}
double mathLog(double x) {
    return jsLog(x);
}
double mathLog1p(double x) {
    return jsLog1p(x);
}
double mathLog2(double x) {
    return jsLog2(x);
}
double mathLog10(double x) {
    return jsLog10(x);
}
double mathFround(double x) {
    return double(float(x));
}

Value mathPow(VM& vm, Value, Value* args, int argc) {
    double x, y;
    if (!numberArg(vm, args, argc, 0, x) || !numberArg(vm, args, argc, 1, y))
        return Value::exception();
    return Value::number(jsPow(x, y));
}

Value mathAtan2(VM& vm, Value, Value* args, int argc) {
    double y, x;
    if (!numberArg(vm, args, argc, 0, y) || !numberArg(vm, args, argc, 1, x))
        return Value::exception();
    return Value::number(jsAtan2(y, x));
}

Value minMax(VM& vm, Value* args, int argc, bool isMax) {
    double result = isMax ? -INFINITY : INFINITY;
    bool sawNaN = false;
    for (int i = 0; i < argc; ++i) {
        double x;
        if (!numberArg(vm, args, argc, i, x)) return Value::exception();
        if (x != x) {
            sawNaN = true;
            continue;
        }
        if (isMax) {
            if (x > result || (x == 0 && result == 0 && !std::signbit(x))) result = x;
        } else {
            if (x < result || (x == 0 && result == 0 && std::signbit(x))) result = x;
        }
    }
    return Value::number(sawNaN ? NAN : result);
}

Value mathMax(VM& vm, Value, Value* args, int argc) {
    return minMax(vm, args, argc, true);
}
Value mathMin(VM& vm, Value, Value* args, int argc) {
    return minMax(vm, args, argc, false);
}

Value mathHypot(VM& vm, Value, Value* args, int argc) {
    std::vector<double> values;
    bool sawNaN = false;
    double max = 0;
    for (int i = 0; i < argc; ++i) {
        double x;
        if (!numberArg(vm, args, argc, i, x)) return Value::exception();
        x = std::fabs(x);
        values.push_back(x);
    }
    for (double x : values) {
        if (std::isinf(x)) return Value::number(INFINITY);
        if (x != x)
            sawNaN = true;
        else if (x > max)
            max = x;
    }
    if (sawNaN) return Value::number(NAN);
    if (max == 0) return Value::integer(0);
    double sum = 0, compensation = 0;
    for (double x : values) {
        double n = x / max;
        double summand = n * n - compensation;
        double preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    return Value::number(std::sqrt(sum) * max);
}

Value mathClz32(VM& vm, Value, Value* args, int argc) {
    double x;
    if (!numberArg(vm, args, argc, 0, x)) return Value::exception();
    uint32_t u = uint32_t(VM::toInt32(x));
    return Value::integer(u == 0 ? 32 : __builtin_clz(u));
}

Value mathImul(VM& vm, Value, Value* args, int argc) {
    double x, y;
    if (!numberArg(vm, args, argc, 0, x) || !numberArg(vm, args, argc, 1, y))
        return Value::exception();
    uint32_t p = uint32_t(VM::toInt32(x)) * uint32_t(VM::toInt32(y));
    return Value::integer(int32_t(p));
}

struct XorShift128Plus {
    uint64_t s0, s1;
    XorShift128Plus() {
        uint64_t seed =
            uint64_t(std::chrono::high_resolution_clock::now().time_since_epoch().count());
        s0 = splitmix(seed);
        s1 = splitmix(seed);
    }
    static uint64_t splitmix(uint64_t& x) {
        uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double next() {
        uint64_t x = s0;
        const uint64_t y = s1;
        s0 = y;
        x ^= x << 23;
        x ^= x >> 17;
        x ^= y ^ (y >> 26);
        s1 = x;
        // 53 random bits scaled into [0, 1).
        return double((s0 + s1) >> 11) * (1.0 / 9007199254740992.0);
    }
};

Value mathRandom(VM&, Value, Value*, int) {
    static thread_local XorShift128Plus rng;
    return Value::number(rng.next());
}

} // namespace

void installMathBuiltins(VM& vm) {
    Class* m = newNamespace(vm, "Math");
    Root keep(vm.heap, Value::object(m));
    struct Unary {
        const char* name;
        NativeFn fn;
    };
    const Unary unaries[] = {
        {"abs", unary<mathAbs>},     {"floor", unary<mathFloor>}, {"ceil", unary<mathCeil>},
        {"round", unary<mathRound>}, {"trunc", unary<mathTrunc>}, {"sign", unary<mathSign>},
        {"sqrt", unary<mathSqrt>},   {"cbrt", unary<mathCbrt>},   {"sin", unary<mathSin>},
        {"cos", unary<mathCos>},     {"tan", unary<mathTan>},     {"asin", unary<mathAsin>},
        {"acos", unary<mathAcos>},   {"atan", unary<mathAtan>},   {"sinh", unary<mathSinh>},
        {"cosh", unary<mathCosh>},   {"tanh", unary<mathTanh>},   {"asinh", unary<mathAsinh>},
        {"acosh", unary<mathAcosh>}, {"atanh", unary<mathAtanh>}, {"exp", unary<mathExp>},
        {"expm1", unary<mathExpm1>}, {"log", unary<mathLog>},     {"log1p", unary<mathLog1p>},
        {"log2", unary<mathLog2>},   {"log10", unary<mathLog10>}, {"fround", unary<mathFround>},
    };
    for (const Unary& u : unaries)
        vm.defineStaticMethod(m, u.name, u.fn, 1);
    vm.defineStaticMethod(m, "pow", mathPow, 2);
    vm.defineStaticMethod(m, "atan2", mathAtan2, 2);
    vm.defineStaticMethod(m, "max", mathMax, 2);
    vm.defineStaticMethod(m, "min", mathMin, 2);
    vm.defineStaticMethod(m, "hypot", mathHypot, 2);
    vm.defineStaticMethod(m, "clz32", mathClz32, 1);
    vm.defineStaticMethod(m, "imul", mathImul, 2);
    vm.defineStaticMethod(m, "random", mathRandom, 0);
    vm.defineStaticValue(m, "PI", Value::number(M_PI));
    vm.defineStaticValue(m, "E", Value::number(M_E));
    vm.defineStaticValue(m, "SQRT2", Value::number(M_SQRT2));
    vm.defineStaticValue(m, "SQRT1_2", Value::number(M_SQRT1_2));
    vm.defineStaticValue(m, "LN2", Value::number(M_LN2));
    vm.defineStaticValue(m, "LN10", Value::number(M_LN10));
    vm.defineStaticValue(m, "LOG2E", Value::number(M_LOG2E));
    vm.defineStaticValue(m, "LOG10E", Value::number(M_LOG10E));
    vm.defineGlobal("Math", Value::object(m));
}

} // namespace molt
