// builtins_number.cpp — Number and Boolean: the statics and constants of Number, the
// number methods (toFixed, toString(radix), toPrecision, toExponential), Number(x) and
// Boolean(x) as conversion functions, and the global parseInt/parseFloat/isNaN/isFinite.
//
// The digit work lives in numbers.cpp; this file is the JavaScript-facing layer: argument
// coercion in the spec's order (a bad digits argument is a RangeError even for NaN
// receivers where the spec checks the range first) and node's error messages.
#include "runtime/lib/intl.h"
#include "runtime/lib/natives.h"

#include <cmath>

namespace molt {

namespace {

bool thisNumber(VM& vm, Value thisValue, const char* method, double& out) {
    if (thisValue.isNumber()) {
        out = thisValue.asNumber();
        return true;
    }
    vm.throwTypeError(std::string("Number.prototype.") + method +
                      " requires that 'this' be a Number");
    return false;
}

Value numToFixed(VM& vm, Value thisValue, Value* args, int argc) {
    double x;
    if (!thisNumber(vm, thisValue, "toFixed", x)) return Value::exception();
    double f;
    if (!toIntegerArg(vm, arg(args, argc, 0), f)) return Value::exception();
    if (!(f >= 0 && f <= 100))
        return vm.throwRangeError("toFixed() digits argument must be between 0 and 100");
    if (!std::isfinite(x)) return vm.str(VM::numberToString(x));
    return vm.str(numberToFixed(x, int(f)));
}

Value numToPrecision(VM& vm, Value thisValue, Value* args, int argc) {
    double x;
    if (!thisNumber(vm, thisValue, "toPrecision", x)) return Value::exception();
    Value p = arg(args, argc, 0);
    if (p.isUndefined()) return vm.str(VM::numberToString(x));
    double precision;
    if (!toIntegerArg(vm, p, precision)) return Value::exception();
    if (!std::isfinite(x)) return vm.str(VM::numberToString(x));
    if (!(precision >= 1 && precision <= 100))
        return vm.throwRangeError("toPrecision() argument must be between 1 and 100");
    return vm.str(numberToPrecision(x, int(precision)));
}

Value numToExponential(VM& vm, Value thisValue, Value* args, int argc) {
    double x;
    if (!thisNumber(vm, thisValue, "toExponential", x)) return Value::exception();
    Value fArg = arg(args, argc, 0);
    double f;
    if (!toIntegerArg(vm, fArg, f)) return Value::exception();
    if (!std::isfinite(x)) return vm.str(VM::numberToString(x));
    if (!(f >= 0 && f <= 100))
        return vm.throwRangeError("toExponential() argument must be between 0 and 100");
    return vm.str(numberToExponential(x, int(f), !fArg.isUndefined()));
}

Value numToString(VM& vm, Value thisValue, Value* args, int argc) {
    double x;
    if (!thisNumber(vm, thisValue, "toString", x)) return Value::exception();
    Value r = arg(args, argc, 0);
    double radix = 10;
    if (!r.isUndefined() && !toIntegerArg(vm, r, radix)) return Value::exception();
    if (!(radix >= 2 && radix <= 36))
        return vm.throwRangeError("toString() radix argument must be between 2 and 36");
    if (radix == 10) return vm.str(VM::numberToString(x));
    return vm.str(numberToRadix(x, int(radix)));
}

// Intl.NumberFormat(locales, options).format(x), on ICU (intl.cpp).
Value numToLocaleString(VM& vm, Value thisValue, Value* args, int argc) {
    double x;
    if (!thisNumber(vm, thisValue, "toLocaleString", x)) return Value::exception();
    return intl::formatNumber(vm, x, arg(args, argc, 0), arg(args, argc, 1));
}

Value numValueOf(VM& vm, Value thisValue, Value*, int) {
    double x;
    if (!thisNumber(vm, thisValue, "valueOf", x)) return Value::exception();
    return thisValue;
}

Value boolToString(VM& vm, Value thisValue, Value*, int) {
    if (!thisValue.isBool())
        return vm.throwTypeError("Boolean.prototype.toString requires that 'this' be a Boolean");
    return Value::object(thisValue.asBool() ? vm.names.trueStr : vm.names.falseStr);
}

Value boolValueOf(VM& vm, Value thisValue, Value*, int) {
    if (!thisValue.isBool())
        return vm.throwTypeError("Boolean.prototype.valueOf requires that 'this' be a Boolean");
    return thisValue;
}

// ---- conversions and predicates

Value numberCall(VM& vm, Value, Value* args, int argc) {
    if (argc == 0) return Value::integer(0);
    return vm.toPrimitiveNumber(args[0]);
}

Value booleanCall(VM&, Value, Value* args, int argc) {
    return Value::boolean(argc > 0 && VM::truthy(args[0]));
}

Value globalParseInt(VM& vm, Value, Value* args, int argc) {
    Value s = toStringValue(vm, arg(args, argc, 0));
    if (s.isException()) return s;
    Root keep(vm.heap, s);
    Value r = vm.toPrimitiveNumber(arg(args, argc, 1));
    if (r.isException()) return r;
    int radix = VM::toInt32(r.asNumber());
    return Value::number(parseIntString(asString(s)->view(), radix));
}

Value globalParseFloat(VM& vm, Value, Value* args, int argc) {
    Value s = toStringValue(vm, arg(args, argc, 0));
    if (s.isException()) return s;
    return Value::number(parseFloatString(asString(s)->view()));
}

Value globalIsNaN(VM& vm, Value, Value* args, int argc) {
    Value n = vm.toPrimitiveNumber(arg(args, argc, 0));
    if (n.isException()) return n;
    double d = n.asNumber();
    return Value::boolean(d != d);
}

Value globalIsFinite(VM& vm, Value, Value* args, int argc) {
    Value n = vm.toPrimitiveNumber(arg(args, argc, 0));
    if (n.isException()) return n;
    return Value::boolean(std::isfinite(n.asNumber()));
}

Value numberIsNaN(VM&, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    return Value::boolean(v.isNumber() && v.asNumber() != v.asNumber());
}

Value numberIsFinite(VM&, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    return Value::boolean(v.isNumber() && std::isfinite(v.asNumber()));
}

Value numberIsInteger(VM&, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (v.isInt()) return Value::boolean(true);
    if (!v.isNumber()) return Value::boolean(false);
    double d = v.asNumber();
    return Value::boolean(std::isfinite(d) && std::trunc(d) == d);
}

Value numberIsSafeInteger(VM&, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (v.isInt()) return Value::boolean(true);
    if (!v.isNumber()) return Value::boolean(false);
    double d = v.asNumber();
    return Value::boolean(std::isfinite(d) && std::trunc(d) == d &&
                          std::fabs(d) <= 9007199254740991.0);
}

} // namespace

void installNumberBuiltins(VM& vm) {
    Class* n = vm.numberClass;
    vm.defineMethod(n, "toFixed", numToFixed, 1);
    vm.defineMethod(n, "toPrecision", numToPrecision, 1);
    vm.defineMethod(n, "toExponential", numToExponential, 1);
    vm.defineMethod(n, "toString", numToString, 1);
    vm.defineMethod(n, "toLocaleString", numToLocaleString, 0);
    vm.defineMethod(n, "valueOf", numValueOf, 0);
    vm.defineStaticMethod(n, "call", numberCall, 1);
    vm.defineStaticMethod(n, "isNaN", numberIsNaN, 1);
    vm.defineStaticMethod(n, "isFinite", numberIsFinite, 1);
    vm.defineStaticMethod(n, "isInteger", numberIsInteger, 1);
    vm.defineStaticMethod(n, "isSafeInteger", numberIsSafeInteger, 1);
    // Number.parseInt === parseInt and Number.parseFloat === parseFloat, as in JavaScript.
    Root parseIntFn(vm.heap, Value::object(vm.newNative("parseInt", globalParseInt, 2)));
    Root parseFloatFn(vm.heap, Value::object(vm.newNative("parseFloat", globalParseFloat, 1)));
    n->staticMethods[vm.intern("parseInt")] = parseIntFn.value;
    n->staticMethods[vm.intern("parseFloat")] = parseFloatFn.value;
    vm.defineGlobal("parseInt", parseIntFn.value);
    vm.defineGlobal("parseFloat", parseFloatFn.value);
    vm.defineStaticValue(n, "MAX_SAFE_INTEGER", Value::number(9007199254740991.0));
    vm.defineStaticValue(n, "MIN_SAFE_INTEGER", Value::number(-9007199254740991.0));
    vm.defineStaticValue(n, "EPSILON", Value::number(2.220446049250313e-16));
    vm.defineStaticValue(n, "MAX_VALUE", Value::number(1.7976931348623157e308));
    vm.defineStaticValue(n, "MIN_VALUE", Value::number(5e-324));
    vm.defineStaticValue(n, "POSITIVE_INFINITY", Value::number(INFINITY));
    vm.defineStaticValue(n, "NEGATIVE_INFINITY", Value::number(-INFINITY));
    vm.defineStaticValue(n, "NaN", Value::number(NAN));

    Class* b = vm.booleanClass;
    vm.defineMethod(b, "toString", boolToString, 0);
    vm.defineMethod(b, "valueOf", boolValueOf, 0);
    vm.defineStaticMethod(b, "call", booleanCall, 1);

    vm.defineGlobal("isNaN", Value::object(vm.newNative("isNaN", globalIsNaN, 1)));
    vm.defineGlobal("isFinite", Value::object(vm.newNative("isFinite", globalIsFinite, 1)));
    vm.defineGlobal("NaN", Value::number(NAN));
    vm.defineGlobal("Infinity", Value::number(INFINITY));
}

} // namespace molt
