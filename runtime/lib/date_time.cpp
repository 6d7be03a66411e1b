// date_time.cpp — the calendar, the local zone (ICU) and Date's string grammars.
//
// The calendar is the proleptic Gregorian one of the spec. Days are converted to civil
// dates with the era arithmetic of H. Hinnant's "chrono-compatible low-level date
// algorithms" (400-year eras of 146097 days), exact for every representable time value.
#include "runtime/lib/date_time.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unicode/basictz.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <vector>

namespace molt::date {

namespace {

constexpr const char* kWeekDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int64_t daysFromCivil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yearOfEra = y - era * 400;
    int64_t dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(int64_t z, int64_t& y, int64_t& m, int64_t& d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t dayOfEra = z - era * 146097;
    int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int64_t mp = (5 * dayOfYear + 2) / 153;
    d = dayOfYear - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = yearOfEra + era * 400 + (m <= 2);
}

const icu::BasicTimeZone& localZone() {
    static std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
    return static_cast<const icu::BasicTimeZone&>(*zone);
}

std::string pad(double v, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lld", width, (long long)v);
    return buf;
}

// "2024" for years 0..9999 and "-0001" before year 0, as V8 prints them.
std::string yearText(double year) {
    return year < 0 ? "-" + pad(-year, 4) : pad(year, 4);
}

std::string offsetText(double offsetMs) {
    double minutes = std::round(offsetMs / kMsPerMinute);
    char sign = minutes < 0 ? '-' : '+';
    minutes = std::fabs(minutes);
    return std::string("GMT") + sign + pad(std::floor(minutes / 60), 2) +
           pad(std::fmod(minutes, 60), 2);
}

// ---- parsing

// A token of V8's date scanner: a run of digits, a run of letters, a run of whitespace, or
// one other character. Parenthesized text is a comment and produces no token.
struct Token {
    enum Kind { End, Number, Word, Space, Symbol } kind = End;
    double number = 0;
    int length = 0;   // digits of a number
    std::string word; // lower-cased
    char symbol = 0;
};

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) { next_ = read(); }
    const Token& peek() const { return next_; }
    Token next() {
        Token t = next_;
        next_ = read();
        return t;
    }
    bool skipSymbol(char c) {
        if (next_.kind != Token::Symbol || next_.symbol != c) return false;
        next();
        return true;
    }
    bool peekSymbol(char c) const { return next_.kind == Token::Symbol && next_.symbol == c; }
    bool peekNumberOfLength(int n) const {
        return next_.kind == Token::Number && next_.length == n;
    }
    bool peekWord(std::string_view w) const { return next_.kind == Token::Word && next_.word == w; }

private:
    static bool isAlpha(unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    }
    static bool isSpace(unsigned char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    }
    Token read() {
        for (;;) {
            Token t;
            if (pos_ >= s_.size()) return t;
            unsigned char c = uint8_t(s_[pos_]);
            if (c >= '0' && c <= '9') {
                t.kind = Token::Number;
                while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
                    if (t.number < 1e15) t.number = t.number * 10 + (s_[pos_] - '0');
                    ++t.length;
                    ++pos_;
                }
                return t;
            }
            if (isAlpha(c)) {
                t.kind = Token::Word;
                while (pos_ < s_.size() && isAlpha(uint8_t(s_[pos_]))) {
                    char ch = s_[pos_++];
                    t.word += (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch;
                }
                return t;
            }
            if (isSpace(c)) {
                t.kind = Token::Space;
                while (pos_ < s_.size() && isSpace(uint8_t(s_[pos_])))
                    ++pos_;
                return t;
            }
            if (c == '(') {
                int depth = 0;
                do {
                    if (s_[pos_] == '(') ++depth;
                    if (s_[pos_] == ')') --depth;
                    ++pos_;
                } while (depth > 0 && pos_ < s_.size());
                continue;
            }
            t.kind = Token::Symbol;
            t.symbol = char(c);
            ++pos_;
            return t;
        }
    }
    std::string_view s_;
    size_t pos_ = 0;
    Token next_;
};

constexpr int kNone = INT32_MIN;

// The milliseconds of a fraction's digits: the first three, scaled ("5" is 500).
int fractionMs(const Token& t) {
    double v = t.number;
    int len = t.length;
    while (len > 3) {
        v = std::floor(v / 10);
        --len;
    }
    while (len < 3) {
        v *= 10;
        ++len;
    }
    return int(v);
}

struct Composer {
    // day: up to three numbers, or two and a month name
    double dayComp[3] = {0, 0, 0};
    int dayCount = 0;
    int namedMonth = kNone;
    bool isoDate = false;
    // time: hour, minute, second, ms
    double timeComp[4] = {0, 0, 0, 0};
    int timeCount = 0;
    int hourOffset = kNone;
    // zone
    int tzSign = 0;
    int tzHour = kNone, tzMinute = kNone;

    static bool isMinute(double n) { return n >= 0 && n <= 59; }
    static bool isDay(double n) { return n >= 1 && n <= 31; }
    static bool isMonth(double n) { return n >= 1 && n <= 12; }

    bool addDay(double n) {
        if (dayCount >= 3) return false;
        dayComp[dayCount++] = n;
        return true;
    }
    bool addTime(double n) {
        if (timeCount >= 4) return false;
        timeComp[timeCount++] = n;
        return true;
    }
    void addTimeFinal(double n) {
        addTime(n);
        while (timeCount < 4)
            timeComp[timeCount++] = 0;
    }
    bool timeExpects(double n) const {
        return (timeCount == 1 && isMinute(n)) || (timeCount == 2 && isMinute(n)) ||
               (timeCount == 3 && n >= 0 && n <= 999);
    }
    bool tzExpects(double n) const { return tzHour != kNone && tzMinute == kNone && isMinute(n); }
    void setUtc() {
        tzSign = 1;
        tzHour = 0;
        tzMinute = 0;
    }
    bool tzIsUtc() const { return tzSign != 0 && tzHour == 0 && tzMinute == 0; }

    double result() {
        if (dayCount < 1) return NAN;
        while (dayCount < 3)
            dayComp[dayCount++] = 1;
        double year, month, day;
        if (namedMonth == kNone) {
            if (isoDate || !isDay(dayComp[0])) {
                year = dayComp[0];
                month = dayComp[1];
                day = dayComp[2];
            } else {
                month = dayComp[0];
                day = dayComp[1];
                year = dayComp[2];
            }
        } else {
            month = namedMonth;
            if (!isDay(dayComp[0])) {
                year = dayComp[0];
                day = dayComp[1];
            } else {
                day = dayComp[0];
                year = dayComp[1];
            }
        }
        if (!isoDate) {
            if (year >= 0 && year <= 49)
                year += 2000;
            else if (year >= 50 && year <= 99)
                year += 1900;
        }
        if (!isMonth(month) || !isDay(day)) return NAN;

        while (timeCount < 4)
            timeComp[timeCount++] = 0;
        double hour = timeComp[0], minute = timeComp[1], second = timeComp[2], ms = timeComp[3];
        if (hourOffset != kNone) {
            if (hour < 0 || hour > 12) return NAN;
            hour = std::fmod(hour, 12) + hourOffset;
        }
        if (hour > 23 || !isMinute(minute) || !isMinute(second) || ms > 999) {
            if (hour != 24 || minute != 0 || second != 0 || ms != 0) return NAN;
        }
        double t = makeDate(makeDay(year, month - 1, day), makeTime(hour, minute, second, ms));
        if (tzSign == 0) return toUtc(t);
        double h = tzHour == kNone ? 0 : tzHour, m = tzMinute == kNone ? 0 : tzMinute;
        return t - tzSign * (h * kMsPerHour + m * kMsPerMinute);
    }
};

enum class Outcome { Done, Legacy, Invalid };

// The ES date-time format: YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|+HH:mm]], years also as
// +YYYYYY/-YYYYYY. A malformed date part falls back to the legacy grammar with what was
// read so far; after a 'T' any deviation is an invalid date, as in V8.
Outcome parseIso(Scanner& sc, Composer& c) {
    double year;
    if (sc.peekSymbol('+') || sc.peekSymbol('-')) {
        int sign = sc.next().symbol == '-' ? -1 : 1;
        if (!sc.peekNumberOfLength(6)) return Outcome::Legacy;
        year = sc.next().number;
        if (sign < 0 && year == 0) return Outcome::Invalid;
        year *= sign;
    } else if (sc.peekNumberOfLength(4)) {
        year = sc.next().number;
    } else {
        return Outcome::Legacy;
    }
    c.addDay(year);
    if (sc.skipSymbol('-')) {
        if (!sc.peekNumberOfLength(2) || !Composer::isMonth(sc.peek().number))
            return Outcome::Legacy;
        c.addDay(sc.next().number);
        if (sc.skipSymbol('-')) {
            if (!sc.peekNumberOfLength(2) || !Composer::isDay(sc.peek().number))
                return Outcome::Legacy;
            c.addDay(sc.next().number);
        }
    }
    if (!sc.peekWord("t")) {
        if (sc.peek().kind != Token::End) return Outcome::Legacy;
    } else {
        sc.next();
        if (!sc.peekNumberOfLength(2) || sc.peek().number > 24) return Outcome::Invalid;
        bool hourIs24 = sc.peek().number == 24;
        c.addTime(sc.next().number);
        if (!sc.skipSymbol(':')) return Outcome::Invalid;
        if (!sc.peekNumberOfLength(2) || !Composer::isMinute(sc.peek().number) ||
            (hourIs24 && sc.peek().number > 0))
            return Outcome::Invalid;
        c.addTime(sc.next().number);
        if (sc.skipSymbol(':')) {
            if (!sc.peekNumberOfLength(2) || !Composer::isMinute(sc.peek().number) ||
                (hourIs24 && sc.peek().number > 0))
                return Outcome::Invalid;
            c.addTime(sc.next().number);
            if (sc.skipSymbol('.')) {
                if (sc.peek().kind != Token::Number) return Outcome::Invalid;
                int ms = fractionMs(sc.next());
                if (hourIs24 && ms > 0) return Outcome::Invalid;
                c.addTime(ms);
            }
        }
        if (sc.peekWord("z")) {
            sc.next();
            c.setUtc();
        } else if (sc.peekSymbol('+') || sc.peekSymbol('-')) {
            c.tzSign = sc.next().symbol == '-' ? -1 : 1;
            if (sc.peekNumberOfLength(4)) {
                double hhmm = sc.next().number;
                c.tzHour = int(hhmm / 100);
                c.tzMinute = int(std::fmod(hhmm, 100));
            } else {
                if (!sc.peekNumberOfLength(2)) return Outcome::Invalid;
                c.tzHour = int(sc.next().number);
                if (!sc.skipSymbol(':')) return Outcome::Invalid;
                if (!sc.peekNumberOfLength(2)) return Outcome::Invalid;
                c.tzMinute = int(sc.next().number);
            }
            if (c.tzHour > 23 || !Composer::isMinute(c.tzMinute)) return Outcome::Invalid;
        }
        if (sc.peek().kind != Token::End) return Outcome::Invalid;
    }
    if (c.tzSign == 0 && c.timeCount == 0) c.setUtc();
    c.isoDate = true;
    return Outcome::Done;
}

struct Keyword {
    const char* prefix;
    enum Kind { Month, AmPm, Zone, TimeSeparator } kind;
    int value; // month 1-12, hour offset, zone offset in hours
};
constexpr Keyword kKeywords[] = {
    {"jan", Keyword::Month, 1},  {"feb", Keyword::Month, 2},  {"mar", Keyword::Month, 3},
    {"apr", Keyword::Month, 4},  {"may", Keyword::Month, 5},  {"jun", Keyword::Month, 6},
    {"jul", Keyword::Month, 7},  {"aug", Keyword::Month, 8},  {"sep", Keyword::Month, 9},
    {"oct", Keyword::Month, 10}, {"nov", Keyword::Month, 11}, {"dec", Keyword::Month, 12},
    {"am", Keyword::AmPm, 0},    {"pm", Keyword::AmPm, 12},   {"ut", Keyword::Zone, 0},
    {"utc", Keyword::Zone, 0},   {"z", Keyword::Zone, 0},     {"gmt", Keyword::Zone, 0},
    {"cdt", Keyword::Zone, -5},  {"cst", Keyword::Zone, -6},  {"edt", Keyword::Zone, -4},
    {"est", Keyword::Zone, -5},  {"mdt", Keyword::Zone, -6},  {"mst", Keyword::Zone, -7},
    {"pdt", Keyword::Zone, -7},  {"pst", Keyword::Zone, -8},  {"t", Keyword::TimeSeparator, 0},
};

// V8 matches a word by its first three letters; shorter keywords must match whole.
const Keyword* findKeyword(const std::string& word) {
    for (const Keyword& k : kKeywords) {
        std::string_view p = k.prefix;
        if (p.size() < 3) {
            if (word == p) return &k;
        } else if (word.size() >= 3 && word.compare(0, 3, p) == 0) {
            return &k;
        }
    }
    return nullptr;
}

double parseLegacy(Scanner& sc, Composer& c) {
    bool readNumber = c.dayCount > 0; // the ES grammar may have read a year already
    while (sc.peek().kind != Token::End) {
        Token token = sc.next();
        if (token.kind == Token::Number) {
            readNumber = true;
            double n = token.number;
            if (sc.skipSymbol(':')) {
                if (sc.skipSymbol(':')) {
                    if (c.timeCount != 0) return NAN;
                    c.addTime(n);
                    c.addTime(0);
                } else {
                    if (!c.addTime(n)) return NAN;
                    if (sc.peekSymbol('.')) sc.next();
                }
            } else if (sc.peekSymbol('.') && c.timeExpects(n)) {
                sc.next();
                c.addTime(n);
                if (sc.peek().kind != Token::Number) return NAN;
                c.addTimeFinal(fractionMs(sc.next()));
            } else if (c.tzExpects(n)) {
                c.tzMinute = int(n);
            } else if (c.timeExpects(n)) {
                c.addTimeFinal(n);
                const Token& p = sc.peek();
                if (p.kind != Token::End && p.kind != Token::Space && p.word != "z" &&
                    !sc.peekSymbol('+') && !sc.peekSymbol('-'))
                    return NAN;
            } else {
                if (!c.addDay(n)) return NAN;
                sc.skipSymbol('-');
            }
        } else if (token.kind == Token::Word) {
            const Keyword* k = findKeyword(token.word);
            if (k && k->kind == Keyword::AmPm && c.timeCount != 0) {
                c.hourOffset = k->value;
            } else if (k && k->kind == Keyword::Month) {
                c.namedMonth = k->value;
                sc.skipSymbol('-');
            } else if (k && k->kind == Keyword::Zone && readNumber) {
                c.tzSign = k->value < 0 ? -1 : 1;
                c.tzHour = std::abs(k->value);
                c.tzMinute = 0;
            } else {
                if (readNumber) return NAN;
                if (sc.peek().kind == Token::Number) return NAN;
            }
        } else if (token.kind == Token::Symbol && (token.symbol == '+' || token.symbol == '-') &&
                   (c.tzIsUtc() || c.timeCount != 0)) {
            c.tzSign = token.symbol == '-' ? -1 : 1;
            double n = 0;
            int length = 0;
            if (sc.peek().kind == Token::Number) {
                Token num = sc.next();
                n = num.number;
                length = num.length;
            }
            readNumber = true;
            if (sc.peekSymbol(':')) {
                c.tzHour = int(n);
                c.tzMinute = kNone;
            } else if (length == 1 || length == 2) {
                c.tzHour = int(n);
                c.tzMinute = 0;
            } else if (length == 3 || length == 4) {
                c.tzHour = int(n / 100);
                c.tzMinute = int(std::fmod(n, 100));
            } else {
                return NAN;
            }
        } else if (token.kind == Token::Symbol &&
                   (token.symbol == '+' || token.symbol == '-' || token.symbol == ')') &&
                   readNumber) {
            return NAN;
        }
    }
    return c.result();
}

} // namespace

double makeDay(double year, double month, double day) {
    if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(day)) return NAN;
    double y = std::trunc(year), m = std::trunc(month), dt = std::trunc(day);
    double ym = y + std::floor(m / 12);
    if (std::fabs(ym) > 1e8) return NAN; // far past the time value range
    double mn = std::fmod(m, 12);
    if (mn < 0) mn += 12;
    return double(daysFromCivil(int64_t(ym), int64_t(mn) + 1, 1)) + dt - 1;
}

double makeTime(double hour, double minute, double second, double ms) {
    if (!std::isfinite(hour) || !std::isfinite(minute) || !std::isfinite(second) ||
        !std::isfinite(ms))
        return NAN;
    return std::trunc(hour) * kMsPerHour + std::trunc(minute) * kMsPerMinute +
           std::trunc(second) * kMsPerSecond + std::trunc(ms);
}

double makeDate(double day, double time) {
    if (!std::isfinite(day) || !std::isfinite(time)) return NAN;
    double t = day * kMsPerDay + time;
    return std::isfinite(t) ? t : NAN;
}

double timeClip(double t) {
    if (!std::isfinite(t) || std::fabs(t) > 8.64e15) return NAN;
    return std::trunc(t) + 0.0;
}

Fields breakDown(double t) {
    Fields f;
    double day = std::floor(t / kMsPerDay);
    double msInDay = t - day * kMsPerDay;
    int64_t y, m, d;
    civilFromDays(int64_t(day), y, m, d);
    f.year = double(y);
    f.month = double(m - 1);
    f.day = double(d);
    f.hour = std::floor(msInDay / kMsPerHour);
    f.minute = std::fmod(std::floor(msInDay / kMsPerMinute), 60);
    f.second = std::fmod(std::floor(msInDay / kMsPerSecond), 60);
    f.ms = std::fmod(msInDay, 1000);
    int wd = int(std::fmod(day + 4, 7));
    f.weekDay = wd < 0 ? wd + 7 : wd;
    return f;
}

double offsetAtUtc(double utc) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    localZone().getOffset(utc, false, raw, dst, status);
    return U_SUCCESS(status) ? double(raw) + double(dst) : 0;
}

double offsetAtLocal(double local) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    localZone().getOffsetFromLocal(local, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst,
                                   status);
    return U_SUCCESS(status) ? double(raw) + double(dst) : 0;
}

std::string zoneName(double utc) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    localZone().getOffset(utc, false, raw, dst, status);
    icu::UnicodeString name;
    localZone().getDisplayName(U_SUCCESS(status) && dst != 0, icu::TimeZone::LONG,
                               icu::Locale::getUS(), name);
    std::string out;
    name.toUTF8String(out);
    return out;
}

double now() {
    using namespace std::chrono;
    return double(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

double parse(std::string_view text) {
    Scanner sc(text);
    Composer c;
    Outcome o = parseIso(sc, c);
    if (o == Outcome::Invalid) return NAN;
    double t = o == Outcome::Done ? c.result() : parseLegacy(sc, c);
    return timeClip(t);
}

std::string toIsoString(double t) {
    Fields f = breakDown(t);
    std::string year;
    if (f.year >= 0 && f.year <= 9999)
        year = pad(f.year, 4);
    else
        year = (f.year < 0 ? "-" : "+") + pad(std::fabs(f.year), 6);
    return year + "-" + pad(f.month + 1, 2) + "-" + pad(f.day, 2) + "T" + pad(f.hour, 2) + ":" +
           pad(f.minute, 2) + ":" + pad(f.second, 2) + "." + pad(f.ms, 3) + "Z";
}

std::string toDateString(double t) {
    Fields f = breakDown(toLocal(t));
    return std::string(kWeekDays[f.weekDay]) + " " + kMonths[int(f.month)] + " " + pad(f.day, 2) +
           " " + yearText(f.year);
}

std::string toTimeString(double t) {
    double offset = offsetAtUtc(t);
    Fields f = breakDown(t + offset);
    return pad(f.hour, 2) + ":" + pad(f.minute, 2) + ":" + pad(f.second, 2) + " " +
           offsetText(offset) + " (" + zoneName(t) + ")";
}

std::string toLocalString(double t) {
    return toDateString(t) + " " + toTimeString(t);
}

std::string toUtcString(double t) {
    Fields f = breakDown(t);
    return std::string(kWeekDays[f.weekDay]) + ", " + pad(f.day, 2) + " " + kMonths[int(f.month)] +
           " " + yearText(f.year) + " " + pad(f.hour, 2) + ":" + pad(f.minute, 2) + ":" +
           pad(f.second, 2) + " GMT";
}

} // namespace molt::date
