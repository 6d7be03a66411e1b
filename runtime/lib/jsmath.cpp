// jsmath.cpp — Math's elementary functions and the ** operator.
//
// ECMAScript leaves these functions "implementation-approximated". V8 computes them with
// its own port of fdlibm; the functions here use the C library (glibc), which is correctly
// rounded in almost every case, so they can differ from node in the last binary digit for
// a small fraction of arguments (the language reference lists this).
//
// ** and Math.pow are the exception: programs print powers all the time (10 ** -4 is
// 0.00009999999999999999 in node), so they compute exactly what node computes, with
// fdlibm's pow taken from Debian's newlib-source and regrouped as V8 has it
// (cmake/FdlibmPow.cmake, decision 0022). What ECMAScript specifies around it is kept here:
// 1 ** NaN and (+-1) ** +-Infinity are NaN, where fdlibm and C return 1.
#include "runtime/lib/natives.h"

#include <cmath>

extern "C" double molt_fdlibm_pow(double x, double y);

namespace molt {

double jsPow(double x, double y) {
    if (std::isnan(y)) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && std::isinf(y)) return NAN;
    return molt_fdlibm_pow(x, y);
}

double jsExp(double x) {
    return std::exp(x);
}
double jsLog(double x) {
    return std::log(x);
}
double jsLog10(double x) {
    return std::log10(x);
}
// glibc's cbrt is off by one ulp for exact cubes (cbrt(27) = 3.0000000000000004); the
// extended-precision version rounds to the expected double.
double jsCbrt(double x) {
    return double(cbrtl((long double)x));
}
double jsSin(double x) {
    return std::sin(x);
}
double jsCos(double x) {
    return std::cos(x);
}
double jsTan(double x) {
    return std::tan(x);
}
double jsAsin(double x) {
    return std::asin(x);
}
double jsAcos(double x) {
    return std::acos(x);
}
double jsAtan(double x) {
    return std::atan(x);
}
double jsAtan2(double y, double x) {
    return std::atan2(y, x);
}
double jsSinh(double x) {
    return std::sinh(x);
}
double jsCosh(double x) {
    return std::cosh(x);
}
double jsAsinh(double x) {
    return std::asinh(x);
}
double jsAcosh(double x) {
    return std::acosh(x);
}
double jsExpm1(double x) {
    return std::expm1(x);
}
double jsLog1p(double x) {
    return std::log1p(x);
}
double jsLog2(double x) {
    return std::log2(x);
}
double jsTanh(double x) {
    return std::tanh(x);
}
double jsAtanh(double x) {
    return std::atanh(x);
}

} // namespace molt
