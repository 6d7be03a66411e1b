// jsmath.cpp — Math's elementary functions and the ** operator.
//
// ECMAScript leaves these functions "implementation-approximated", and node is our
// oracle, so they compute what V8 computes: V8 carries its own port of fdlibm, and the C
// library (glibc, correctly rounded in practice) differs from it in the last binary digit
// for up to 9% of arguments (10 ** -4 is 0.00009999999999999999 in node and 0.0001 in
// glibc; Math.exp(1.7) is 5.473947391727199 in node and 5.4739473917272 in glibc).
// fdlibm is built from Debian's newlib-source (cmake/Fdlibm.cmake, decision 0022) with its
// symbols renamed molt_fdlibm_*. V8's two departures from fdlibm are kept: pow's regrouped
// division (in the build) and exp(1) returning Math.E (below). log2 and cbrt stay the C
// library's: V8 takes them from FreeBSD, not fdlibm (0022 has the numbers).
//
// What ECMAScript does specify is kept exactly: the special cases of pow (1 ** NaN and
// (+-1) ** +-Infinity are NaN, where fdlibm and C return 1).
#include "runtime/lib/natives.h"

#include <cmath>

extern "C" {
double molt_fdlibm_pow(double x, double y);
double molt_fdlibm_exp_itself(double x);
double molt_fdlibm_exp(double x);
double molt_fdlibm_log(double x);
double molt_fdlibm_log10(double x);
double molt_fdlibm_sin(double x);
double molt_fdlibm_cos(double x);
double molt_fdlibm_tan(double x);
double molt_fdlibm_asin(double x);
double molt_fdlibm_acos(double x);
double molt_fdlibm_atan(double x);
double molt_fdlibm_atan2(double y, double x);
double molt_fdlibm_sinh(double x);
double molt_fdlibm_cosh(double x);
double molt_fdlibm_tanh(double x);
double molt_fdlibm_asinh(double x);
double molt_fdlibm_acosh(double x);
double molt_fdlibm_atanh(double x);
double molt_fdlibm_expm1(double x);
double molt_fdlibm_log1p(double x);

// V8's exp: fdlibm's gets the last bit of exp(1) wrong, so V8 answers Math.E there. fdlibm's
// cosh calls this one, as V8's cosh calls V8's exp.
double molt_fdlibm_exp(double x) {
    if (x == 1.0) return 2.718281828459045;
    return molt_fdlibm_exp_itself(x);
}
}

namespace molt {

double jsPow(double x, double y) {
    if (std::isnan(y)) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && std::isinf(y)) return NAN;
    return molt_fdlibm_pow(x, y);
}

double jsExp(double x) {
    return molt_fdlibm_exp(x);
}
double jsLog(double x) {
    return molt_fdlibm_log(x);
}
double jsLog10(double x) {
    return molt_fdlibm_log10(x);
}
// glibc's cbrt is off by one ulp for exact cubes (cbrt(27) = 3.0000000000000004); the
// extended-precision version rounds to the expected double.
double jsCbrt(double x) {
    return double(cbrtl((long double)x));
}
double jsSin(double x) {
    return molt_fdlibm_sin(x);
}
double jsCos(double x) {
    return molt_fdlibm_cos(x);
}
double jsTan(double x) {
    return molt_fdlibm_tan(x);
}
double jsAsin(double x) {
    return molt_fdlibm_asin(x);
}
double jsAcos(double x) {
    return molt_fdlibm_acos(x);
}
double jsAtan(double x) {
    return molt_fdlibm_atan(x);
}
double jsAtan2(double y, double x) {
    return molt_fdlibm_atan2(y, x);
}
double jsSinh(double x) {
    return molt_fdlibm_sinh(x);
}
double jsCosh(double x) {
    return molt_fdlibm_cosh(x);
}
double jsAsinh(double x) {
    return molt_fdlibm_asinh(x);
}
double jsAcosh(double x) {
    return molt_fdlibm_acosh(x);
}
double jsExpm1(double x) {
    return molt_fdlibm_expm1(x);
}
double jsLog1p(double x) {
    return molt_fdlibm_log1p(x);
}
double jsLog2(double x) {
    return std::log2(x);
}
double jsTanh(double x) {
    return molt_fdlibm_tanh(x);
}
double jsAtanh(double x) {
    return molt_fdlibm_atanh(x);
}

} // namespace molt
