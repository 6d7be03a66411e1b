// jsmath.cpp — Math's elementary functions and the ** operator.
//
// ECMAScript leaves these functions "implementation-approximated". V8 computes them with
// its own port of fdlibm; we use the C library (glibc), which is correctly rounded in almost
// every case. The two therefore disagree in the last binary digit for a small fraction of
// arguments (10 ** -17 prints 9.999999999999999e-18 in node and 1e-17 here). We do not
// carry a copy of fdlibm in the repository, and no Debian or npm package provides it; the
// language reference lists this as a known difference from node.
//
// What ECMAScript does specify is kept exactly: the special cases of pow (1 ** NaN and
// (+-1) ** +-Infinity are NaN, where C's pow returns 1).
#include "runtime/lib/natives.h"

#include <cmath>

namespace molt {

double jsPow(double x, double y) {
    if (std::isnan(y)) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && std::isinf(y)) return NAN;
    return std::pow(x, y);
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
