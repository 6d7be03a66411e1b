// numbers.cpp — ECMAScript's number <-> string conversions, digit for digit.
//
// Number::toString picks the shortest digit string that reads back as the same double
// (std::to_chars gives exactly that) and then lays the digits out by the spec's rules:
// plain integers up to 21 digits, plain decimals down to 1e-7, exponent form otherwise.
//
// toFixed/toPrecision/toExponential are defined on the *exact* binary value, rounding a
// tie to the larger magnitude ("if there are two such n, pick the larger n"). printf's
// rounding differs on exact ties (it rounds half to even: 2.5.toFixed(0) would be "2"), so
// we ask printf for every digit of the exact expansion (glibc prints them exactly) and
// round by hand.
//
// toString(radix) follows V8's DoubleToRadixCString, which is what node prints; parseInt,
// parseFloat and StringToNumber follow the spec's grammars, using strtod for the final
// decimal conversion because it rounds correctly.
#include "runtime/lib/natives.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace molt {

namespace {

// Shortest round-trip digits of a finite, positive d: "d1d2...dk" and the decimal exponent
// n such that d = 0.d1d2...dk * 10^n.
void shortestDigits(double d, std::string& digits, int& n) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view s(buf, size_t(res.ptr - buf));
    size_t e = s.find('e');
    digits.clear();
    for (size_t i = 0; i < e; ++i)
        if (s[i] != '.') digits += s[i];
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    n = std::atoi(std::string(s.substr(e + 1)).c_str()) + 1;
}

// Decimal digits of a finite, non-negative d rounded to `count` significant digits, ties
// away from zero on the exact value. `exp10` receives the exponent of the first digit.
void roundedSignificantDigits(double d, int count, std::string& digits, int& exp10) {
    int binExp = 0;
    std::frexp(d, &binExp);
    int q = binExp - 53; // d = m * 2^q with a 53-bit m
    int exact = q < 0 ? 20 + int(0.7 * -q) : 20 + int(0.302 * binExp);
    int precision = std::max(count + 1, exact);
    if (precision > 1100) precision = 1100;
    std::string buf(size_t(precision) + 32, '\0');
    int len = std::snprintf(buf.data(), buf.size(), "%.*e", precision, d);
    buf.resize(size_t(len));
    size_t e = buf.find('e');
    std::string all;
    for (size_t i = 0; i < e; ++i)
        if (buf[i] != '.') all += buf[i];
    exp10 = std::atoi(buf.c_str() + e + 1);
    digits = all.substr(0, size_t(count));
    if (all.size() > size_t(count) && all[size_t(count)] >= '5') {
        int i = count - 1;
        while (i >= 0 && digits[size_t(i)] == '9')
            digits[size_t(i--)] = '0';
        if (i >= 0) {
            digits[size_t(i)]++;
        } else {
            digits.insert(digits.begin(), '1');
            digits.pop_back();
            exp10++;
        }
    }
}

std::string exponentSuffix(int e) {
    return std::string("e") + (e >= 0 ? "+" : "-") + std::to_string(std::abs(e));
}

} // namespace

std::string VM::numberToString(double d) {
    if (d != d) return "NaN";
    if (d == 0) return "0";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    if (std::fabs(d) < 9007199254740992.0 && d == std::trunc(d)) {
        char buf[32];
        auto res = std::to_chars(buf, buf + sizeof buf, int64_t(d));
        return std::string(buf, res.ptr);
    }
    std::string out;
    if (d < 0) {
        out += '-';
        d = -d;
    }
    std::string digits;
    int n = 0;
    shortestDigits(d, digits, n);
    int k = int(digits.size());
    if (k <= n && n <= 21) {
        out += digits;
        out.append(size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, size_t(n));
        out += '.';
        out += digits.substr(size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(size_t(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += exponentSuffix(n - 1);
    }
    return out;
}

std::string numberToFixed(double x, int f) {
    if (x != x) return "NaN";
    if (std::fabs(x) >= 1e21) return VM::numberToString(x);
    bool negative = x < 0;
    x = std::fabs(x); // -0 prints as "0.00"
    int binExp = 0;
    std::frexp(x, &binExp);
    int fractionDigits = std::max(0, 53 - binExp); // enough for the exact expansion
    int precision = std::min(1100, std::max(f + 1, fractionDigits));
    std::string buf(size_t(precision) + 40, '\0');
    int len = std::snprintf(buf.data(), buf.size(), "%.*f", precision, x);
    buf.resize(size_t(len));
    size_t dot = buf.find('.');
    std::string intPart = buf.substr(0, dot);
    std::string frac = dot == std::string::npos ? std::string() : buf.substr(dot + 1);
    frac.resize(std::max(frac.size(), size_t(f) + 1), '0');
    std::string digits = intPart + frac.substr(0, size_t(f));
    if (frac[size_t(f)] >= '5') {
        int i = int(digits.size()) - 1;
        while (i >= 0 && digits[size_t(i)] == '9')
            digits[size_t(i--)] = '0';
        if (i >= 0) {
            digits[size_t(i)]++;
        } else {
            digits.insert(digits.begin(), '1');
        }
    }
    size_t intLen = digits.size() - size_t(f);
    std::string out = negative ? "-" : "";
    out += digits.substr(0, intLen);
    if (f > 0) {
        out += '.';
        out += digits.substr(intLen);
    }
    return out;
}

std::string numberToPrecision(double x, int p) {
    if (x != x || std::isinf(x)) return VM::numberToString(x);
    std::string out;
    if (x == 0) {
        out = "0";
        if (p > 1) {
            out += '.';
            out.append(size_t(p - 1), '0');
        }
        return out;
    }
    if (x < 0) {
        out += '-';
        x = -x;
    }
    std::string digits;
    int e = 0;
    roundedSignificantDigits(x, p, digits, e);
    if (e < -6 || e >= p) {
        out += digits[0];
        if (p > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += exponentSuffix(e);
    } else if (e >= 0) {
        out += digits.substr(0, size_t(e) + 1);
        if (p > e + 1) {
            out += '.';
            out += digits.substr(size_t(e) + 1);
        }
    } else {
        out += "0.";
        out.append(size_t(-e - 1), '0');
        out += digits;
    }
    return out;
}

std::string numberToExponential(double x, int f, bool digitsGiven) {
    if (x != x || std::isinf(x)) return VM::numberToString(x);
    std::string out;
    if (x < 0) {
        out += '-';
        x = -x;
    }
    std::string digits;
    int e = 0;
    if (x == 0) {
        digits = std::string(size_t(digitsGiven ? f + 1 : 1), '0');
    } else if (digitsGiven) {
        roundedSignificantDigits(x, f + 1, digits, e);
    } else {
        int n = 0;
        shortestDigits(x, digits, n);
        e = n - 1;
    }
    out += digits[0];
    if (digits.size() > 1) {
        out += '.';
        out += digits.substr(1);
    }
    out += exponentSuffix(e);
    return out;
}

// V8's DoubleToRadixCString: fraction digits only as far as the double's precision
// reaches (delta is half the gap to the next double), rounding the last one to even.
std::string numberToRadix(double value, int radix) {
    if (value != value) return "NaN";
    if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
    if (value == 0) return "0";
    static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    constexpr int kBufferSize = 2200;
    char buffer[kBufferSize];
    int integerCursor = kBufferSize / 2;
    int fractionCursor = integerCursor;
    bool negative = value < 0;
    if (negative) value = -value;

    double integer = std::floor(value);
    double fraction = value - integer;
    double delta = 0.5 * (std::nextafter(value, INFINITY) - value);
    delta = std::max(std::nextafter(0.0, 1.0), delta);
    if (fraction >= delta) {
        buffer[fractionCursor++] = '.';
        do {
            fraction *= radix;
            delta *= radix;
            int digit = int(fraction);
            buffer[fractionCursor++] = chars[digit];
            fraction -= digit;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
                if (fraction + delta > 1) {
                    // Round up, carrying into already written digits.
                    while (true) {
                        fractionCursor--;
                        if (fractionCursor == kBufferSize / 2) {
                            integer += 1;
                            break;
                        }
                        char c = buffer[fractionCursor];
                        int d = c > '9' ? (c - 'a' + 10) : (c - '0');
                        if (d + 1 < radix) {
                            buffer[fractionCursor++] = chars[d + 1];
                            break;
                        }
                    }
                    break;
                }
            }
        } while (fraction >= delta);
    }
    // Digits below the double's precision are unrepresented: write zeros for them.
    auto binaryExponent = [](double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        int biased = int((bits >> 52) & 0x7ff);
        return biased == 0 ? -1074 : biased - 1075;
    };
    while (binaryExponent(integer / radix) > 0) {
        integer /= radix;
        buffer[--integerCursor] = '0';
    }
    do {
        double remainder = std::fmod(integer, radix);
        buffer[--integerCursor] = chars[int(remainder)];
        integer = (integer - remainder) / radix;
    } while (integer > 0);
    if (negative) buffer[--integerCursor] = '-';
    return std::string(buffer + integerCursor, buffer + fractionCursor);
}

namespace {

bool isDigitIn(char c, int radix, int& value) {
    int v;
    if (c >= '0' && c <= '9')
        v = c - '0';
    else if (c >= 'a' && c <= 'z')
        v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        v = c - 'A' + 10;
    else
        return false;
    if (v >= radix) return false;
    value = v;
    return true;
}

double strtodPrefix(const std::string& s) {
    return std::strtod(s.c_str(), nullptr);
}

// Length of the StrDecimalLiteral prefix of s (after an optional sign), or 0.
size_t decimalLiteralLength(std::string_view s, size_t i) {
    size_t start = i;
    size_t intDigits = 0, fracDigits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        ++i;
        ++intDigits;
    }
    if (i < s.size() && s[i] == '.') {
        size_t j = i + 1;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
            ++j;
            ++fracDigits;
        }
        if (intDigits + fracDigits > 0) i = j;
    }
    if (intDigits + fracDigits == 0) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        size_t expDigits = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
            ++j;
            ++expDigits;
        }
        if (expDigits > 0) i = j;
    }
    return i - start;
}

} // namespace

double stringToNumber(std::string_view text) {
    std::string_view s = trimJsWhitespace(text);
    if (s.empty()) return 0;
    if (s.size() > 2 && s[0] == '0') {
        int radix = 0;
        char p = s[1];
        if (p == 'x' || p == 'X')
            radix = 16;
        else if (p == 'o' || p == 'O')
            radix = 8;
        else if (p == 'b' || p == 'B')
            radix = 2;
        if (radix) {
            double v = 0;
            for (size_t i = 2; i < s.size(); ++i) {
                int d;
                if (!isDigitIn(s[i], radix, d)) return NAN;
            }
            if (radix == 16) return strtodPrefix(std::string(s));
            for (size_t i = 2; i < s.size(); ++i) {
                int d = 0;
                isDigitIn(s[i], radix, d);
                v = v * radix + d;
            }
            return v;
        }
    }
    size_t i = 0;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    if (s.substr(i) == "Infinity") return negative ? -INFINITY : INFINITY;
    size_t len = decimalLiteralLength(s, i);
    if (len == 0 || i + len != s.size()) return NAN;
    return strtodPrefix(std::string(s));
}

double parseIntString(std::string_view text, int radix) {
    std::string_view s = trimJsWhitespace(text, true, false);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    bool stripPrefix = true;
    if (radix != 0) {
        if (radix < 2 || radix > 36) return NAN;
        if (radix != 16) stripPrefix = false;
    } else {
        radix = 10;
    }
    if (stripPrefix && i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        radix = 16;
    }
    size_t start = i;
    int d = 0; // set by isDigitIn; every digit was validated by the loop above
    while (i < s.size() && isDigitIn(s[i], radix, d))
        ++i;
    if (i == start) return NAN;
    double value;
    if (radix == 10) {
        value = strtodPrefix(std::string(s.substr(start, i - start)));
    } else {
        value = 0;
        for (size_t k = start; k < i; ++k) {
            isDigitIn(s[k], radix, d);
            value = value * radix + d;
        }
    }
    return negative ? -value : value;
}

double parseFloatString(std::string_view text) {
    std::string_view s = trimJsWhitespace(text, true, false);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    if (s.substr(i).starts_with("Infinity")) return negative ? -INFINITY : INFINITY;
    size_t len = decimalLiteralLength(s, i);
    if (len == 0) return NAN;
    return strtodPrefix(std::string(s.substr(0, i + len)));
}

} // namespace molt
