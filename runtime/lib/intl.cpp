// intl.cpp — ICU behind Intl's basics: date/time patterns from skeletons, number
// formatters, collators.
//
// Options are read as ECMA-402 reads them (each by name, converted with ToString, checked
// against its allowed values) and mapped onto what V8 hands ICU: a date-time skeleton
// ("yMMMMdEEEE") resolved to a pattern by the locale's DateTimePatternGenerator, with the
// proleptic Gregorian calendar; a NumberFormatter rounding half away from zero (ECMA-402's
// "halfExpand", not ICU's default half-even); a Collator at the strength the sensitivity
// names. Collators are cached per locale and options: sorting with localeCompare must not
// build one per comparison.
#include "runtime/lib/intl.h"

#include "runtime/lib/natives.h"

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <unicode/coll.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace molt::intl {

namespace {

std::string toUtf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    // Node prints a plain space where newer CLDR data has U+202F (see intl.h).
    for (size_t i; (i = out.find("\xE2\x80\xAF")) != std::string::npos;)
        out.replace(i, 3, " ");
    return out;
}

// The locale of a `locales` argument; false (RangeError pending) for a malformed tag.
bool localeOf(VM& vm, Value locales, icu::Locale& out) {
    if (isKind(locales, ObjKind::Array)) {
        Array* a = as<Array>(locales);
        locales = a->length ? a->elements[0] : Value::undefined();
    }
    if (locales.isUndefined() || locales.isEmpty()) {
        out = icu::Locale("en", "US");
        return true;
    }
    if (!isString(locales)) {
        vm.throwTypeError("Incorrect locale information provided");
        return false;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::string tag(asString(locales)->view());
    out = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status) || out.isBogus() || tag.empty()) {
        vm.throwRangeError("Incorrect locale information provided");
        return false;
    }
    return true;
}

// Reads option `name` of an options record. Empty optional: absent (or undefined).
// Returns false with an exception pending when reading or converting it threw.
bool readOption(VM& vm, Value options, const char* name, std::optional<std::string>& out) {
    out.reset();
    if (options.isUndefined()) return true;
    Value v = vm.getProperty(options, vm.intern(name));
    if (v.isException()) return false;
    if (v.isUndefined()) return true;
    Value s = toStringValue(vm, v);
    if (s.isException()) return false;
    out = std::string(asString(s)->view());
    return true;
}

bool checkOneOf(VM& vm, const char* service, const char* name,
                const std::optional<std::string>& value,
                std::initializer_list<std::string_view> allowed) {
    if (!value) return true;
    for (std::string_view a : allowed)
        if (*value == a) return true;
    vm.throwRangeError("Value " + *value + " out of range for " + service + " options property " +
                       name);
    return false;
}

struct DateOptions {
    std::optional<std::string> weekday, era, year, month, day, hour, minute, second, timeZoneName,
        timeZone, hour12, dateStyle, timeStyle;
};

bool readDateOptions(VM& vm, Value options, const char* svc, DateOptions& o) {
    struct Spec {
        const char* name;
        std::optional<std::string> DateOptions::*field;
        std::initializer_list<std::string_view> allowed;
    };
    const std::initializer_list<std::string_view> textual = {"narrow", "short", "long"};
    const std::initializer_list<std::string_view> numeric = {"numeric", "2-digit"};
    const std::initializer_list<std::string_view> styles = {"full", "long", "medium", "short"};
    const Spec specs[] = {
        {"weekday", &DateOptions::weekday, textual},
        {"era", &DateOptions::era, textual},
        {"year", &DateOptions::year, numeric},
        {"month", &DateOptions::month, {"numeric", "2-digit", "narrow", "short", "long"}},
        {"day", &DateOptions::day, numeric},
        {"hour", &DateOptions::hour, numeric},
        {"minute", &DateOptions::minute, numeric},
        {"second", &DateOptions::second, numeric},
        {"timeZoneName", &DateOptions::timeZoneName, {"short", "long"}},
        {"dateStyle", &DateOptions::dateStyle, styles},
        {"timeStyle", &DateOptions::timeStyle, styles},
    };
    for (const Spec& s : specs) {
        if (!readOption(vm, options, s.name, o.*s.field)) return false;
        if (!checkOneOf(vm, svc, s.name, o.*s.field, s.allowed)) return false;
    }
    if (!readOption(vm, options, "timeZone", o.timeZone)) return false;
    if (!options.isUndefined()) {
        Value h12 = vm.getProperty(options, vm.intern("hour12"));
        if (h12.isException()) return false;
        if (!h12.isUndefined()) o.hour12 = VM::truthy(h12) ? "true" : "false";
    }
    return true;
}

std::string skeletonOf(DateOptions& o, DateStyle style) {
    bool needDate = style != DateStyle::Time, needTime = style != DateStyle::Date;
    bool hasDate = o.weekday || o.year || o.month || o.day;
    bool hasTime = o.hour || o.minute || o.second;
    bool defaults = !(needDate && hasDate) && !(needTime && hasTime) &&
                    !(style == DateStyle::DateTime && (hasDate || hasTime));
    if (defaults && needDate) o.year = o.month = o.day = "numeric";
    if (defaults && needTime) o.hour = o.minute = o.second = "numeric";
    std::string sk;
    auto textual = [](const std::string& v, const char* narrow, const char* abbr,
                      const char* full) {
        return v == "narrow" ? narrow : v == "short" ? abbr : full;
    };
    if (o.weekday) sk += textual(*o.weekday, "EEEEE", "EEE", "EEEE");
    if (o.era) sk += textual(*o.era, "GGGGG", "G", "GGGG");
    if (o.year) sk += *o.year == "2-digit" ? "yy" : "y";
    if (o.month) {
        const std::string& m = *o.month;
        sk += m == "numeric" ? "M" : m == "2-digit" ? "MM" : textual(m, "MMMMM", "MMM", "MMMM");
    }
    if (o.day) sk += *o.day == "2-digit" ? "dd" : "d";
    if (o.hour) {
        char h = !o.hour12 ? 'j' : *o.hour12 == "true" ? 'h' : 'H';
        sk += std::string(*o.hour == "2-digit" ? 2 : 1, h);
    }
    if (o.minute) sk += *o.minute == "2-digit" ? "mm" : "m";
    if (o.second) sk += *o.second == "2-digit" ? "ss" : "s";
    if (o.timeZoneName) sk += *o.timeZoneName == "long" ? "zzzz" : "z";
    return sk;
}

icu::DateFormat::EStyle styleOf(const std::optional<std::string>& s) {
    if (!s) return icu::DateFormat::kNone;
    if (*s == "full") return icu::DateFormat::kFull;
    if (*s == "long") return icu::DateFormat::kLong;
    if (*s == "medium") return icu::DateFormat::kMedium;
    return icu::DateFormat::kShort;
}

// ---- collators

struct CollatorKey {
    std::string locale, sensitivity;
    bool numeric, ignorePunctuation;
    bool operator<(const CollatorKey& o) const {
        return std::tie(locale, sensitivity, numeric, ignorePunctuation) <
               std::tie(o.locale, o.sensitivity, o.numeric, o.ignorePunctuation);
    }
};

icu::Collator* collatorFor(const CollatorKey& key, const icu::Locale& locale) {
    static std::map<CollatorKey, std::unique_ptr<icu::Collator>> cache;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second.get();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(locale, status));
    if (U_FAILURE(status) || !c) return nullptr;
    const std::string& s = key.sensitivity;
    c->setStrength(s == "base" || s == "case" ? icu::Collator::PRIMARY
                   : s == "accent"            ? icu::Collator::SECONDARY
                                              : icu::Collator::TERTIARY);
    c->setAttribute(UCOL_CASE_LEVEL, s == "case" ? UCOL_ON : UCOL_OFF, status);
    c->setAttribute(UCOL_NUMERIC_COLLATION, key.numeric ? UCOL_ON : UCOL_OFF, status);
    if (key.ignorePunctuation) c->setAttribute(UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, status);
    if (U_FAILURE(status)) return nullptr;
    return cache.emplace(key, std::move(c)).first->second.get();
}

} // namespace

Value formatDate(VM& vm, double t, Value locales, Value options, DateStyle style,
                 const char* service) {
    icu::Locale locale;
    if (!localeOf(vm, locales, locale)) return Value::exception();
    if (!options.isUndefined() && !options.isObject())
        return vm.throwTypeError("Options must be an object");
    DateOptions o;
    if (!readDateOptions(vm, options, service, o)) return Value::exception();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateFormat> format;
    if (o.dateStyle || o.timeStyle) {
        format.reset(icu::DateFormat::createDateTimeInstance(styleOf(o.dateStyle),
                                                             styleOf(o.timeStyle), locale));
    } else {
        std::unique_ptr<icu::DateTimePatternGenerator> generator(
            icu::DateTimePatternGenerator::createInstance(locale, status));
        if (U_FAILURE(status)) return vm.throwRangeError("Incorrect locale information provided");
        icu::UnicodeString pattern =
            generator->getBestPattern(icu::UnicodeString::fromUTF8(skeletonOf(o, style)),
                                      UDATPG_MATCH_HOUR_FIELD_LENGTH, status);
        format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    }
    if (U_FAILURE(status) || !format) return vm.throwRangeError("Invalid date format options");
    if (auto* cal = dynamic_cast<icu::GregorianCalendar*>(
            const_cast<icu::Calendar*>(format->getCalendar())))
        cal->setGregorianChange(-8.64e15, status);
    if (o.timeZone) {
        std::unique_ptr<icu::TimeZone> zone(
            icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(*o.timeZone)));
        if (*zone == icu::TimeZone::getUnknown())
            return vm.throwRangeError("Invalid time zone specified: " + *o.timeZone);
        format->adoptTimeZone(zone.release());
    }
    icu::UnicodeString out;
    format->format(UDate(t), out);
    return vm.str(toUtf8(out));
}

Value formatNumber(VM& vm, double x, Value locales, Value options) {
    icu::Locale locale;
    if (!localeOf(vm, locales, locale)) return Value::exception();
    if (!options.isUndefined() && !options.isObject())
        return vm.throwTypeError("Options must be an object");
    const char* svc = "Intl.NumberFormat";
    std::optional<std::string> style, currency, currencyDisplay, notation, useGrouping;
    if (!readOption(vm, options, "style", style) ||
        !checkOneOf(vm, svc, "style", style, {"decimal", "percent", "currency", "unit"}) ||
        !readOption(vm, options, "currency", currency) ||
        !readOption(vm, options, "currencyDisplay", currencyDisplay) ||
        !checkOneOf(vm, svc, "currencyDisplay", currencyDisplay,
                    {"symbol", "narrowSymbol", "code", "name"}) ||
        !readOption(vm, options, "notation", notation) ||
        !checkOneOf(vm, svc, "notation", notation,
                    {"standard", "scientific", "engineering", "compact"}))
        return Value::exception();
    if (style == "unit")
        return vm.throwRangeError("Intl.NumberFormat style 'unit' is not supported");
    if (!options.isUndefined()) {
        Value g = vm.getProperty(options, vm.intern("useGrouping"));
        if (g.isException()) return g;
        if (!g.isUndefined()) useGrouping = VM::truthy(g) ? "true" : "false";
    }
    bool isCurrency = style == "currency", isPercent = style == "percent";
    if (isCurrency && !currency)
        return vm.throwTypeError("Currency code is required with currency style.");
    // Digit options: integers in range; the defaults depend on the style.
    auto digitOption = [&](const char* name, int lo, int hi, std::optional<int>& out) -> bool {
        out.reset();
        if (options.isUndefined()) return true;
        Value v = vm.getProperty(options, vm.intern(name));
        if (v.isException()) return false;
        if (v.isUndefined()) return true;
        Value n = vm.toPrimitiveNumber(v);
        if (n.isException()) return false;
        double d = n.asNumber();
        if (!(d >= lo && d <= hi)) {
            vm.throwRangeError(std::string(name) + " value is out of range.");
            return false;
        }
        out = int(std::floor(d));
        return true;
    };
    std::optional<int> minInt, minFrac, maxFrac, minSig, maxSig;
    if (!digitOption("minimumIntegerDigits", 1, 21, minInt) ||
        !digitOption("minimumFractionDigits", 0, 100, minFrac) ||
        !digitOption("maximumFractionDigits", 0, 100, maxFrac) ||
        !digitOption("minimumSignificantDigits", 1, 21, minSig) ||
        !digitOption("maximumSignificantDigits", 1, 21, maxSig))
        return Value::exception();

    using namespace icu::number;
    UErrorCode status = U_ZERO_ERROR;
    LocalizedNumberFormatter f =
        NumberFormatter::withLocale(locale).roundingMode(UNUM_ROUND_HALFUP);
    int defaultMin = 0, defaultMax = notation == "compact" ? 0 : 3;
    if (isCurrency) {
        std::string code = *currency;
        if (code.size() != 3) return vm.throwRangeError("Invalid currency code : " + code);
        for (char& ch : code)
            ch = char(std::toupper(uint8_t(ch)));
        icu::CurrencyUnit unit(icu::UnicodeString::fromUTF8(code).getTerminatedBuffer(), status);
        if (U_FAILURE(status)) return vm.throwRangeError("Invalid currency code : " + code);
        f = f.unit(unit);
        UNumberUnitWidth width = UNUM_UNIT_WIDTH_SHORT;
        if (currencyDisplay == "code") width = UNUM_UNIT_WIDTH_ISO_CODE;
        if (currencyDisplay == "name") width = UNUM_UNIT_WIDTH_FULL_NAME;
        if (currencyDisplay == "narrowSymbol") width = UNUM_UNIT_WIDTH_NARROW;
        f = f.unitWidth(width);
        int32_t digits = ucurr_getDefaultFractionDigits(unit.getISOCurrency(), &status);
        defaultMin = defaultMax = U_SUCCESS(status) ? digits : 2;
        status = U_ZERO_ERROR;
    } else if (isPercent) {
        f = f.unit(icu::NoUnit::percent()).scale(Scale::powerOfTen(2));
        defaultMax = 0;
    }
    if (notation == "scientific") f = f.notation(Notation::scientific());
    if (notation == "engineering") f = f.notation(Notation::engineering());
    if (notation == "compact") f = f.notation(Notation::compactShort());
    if (minSig || maxSig) {
        f = f.precision(
            Precision::minMaxSignificantDigits(minSig.value_or(1), maxSig.value_or(21)));
    } else if (minFrac || maxFrac || notation != "compact") {
        int lo = minFrac ? *minFrac : std::min(defaultMin, maxFrac.value_or(defaultMin));
        int hi = maxFrac ? *maxFrac : std::max(defaultMax, lo);
        if (lo > hi) return vm.throwRangeError("maximumFractionDigits value is out of range.");
        f = f.precision(Precision::minMaxFraction(lo, hi));
    }
    if (minInt) f = f.integerWidth(IntegerWidth::zeroFillTo(*minInt));
    if (useGrouping == "false") f = f.grouping(UNUM_GROUPING_OFF);
    FormattedNumber formatted = f.formatDouble(x, status);
    icu::UnicodeString out = formatted.toString(status);
    if (U_FAILURE(status)) return vm.throwRangeError("Invalid number format options");
    return vm.str(toUtf8(out));
}

Value compareStrings(VM& vm, std::string_view a, std::string_view b, Value locales, Value options) {
    icu::Locale locale;
    if (!localeOf(vm, locales, locale)) return Value::exception();
    const char* svc = "Intl.Collator";
    std::optional<std::string> sensitivity;
    if (!readOption(vm, options, "sensitivity", sensitivity) ||
        !checkOneOf(vm, svc, "sensitivity", sensitivity, {"base", "accent", "case", "variant"}))
        return Value::exception();
    bool numeric = false, ignorePunctuation = false;
    if (!options.isUndefined() && options.isObject()) {
        Value n = vm.getProperty(options, vm.intern("numeric"));
        if (n.isException()) return n;
        numeric = VM::truthy(n);
        Value p = vm.getProperty(options, vm.intern("ignorePunctuation"));
        if (p.isException()) return p;
        ignorePunctuation = VM::truthy(p);
    }
    CollatorKey key{locale.getName(), sensitivity.value_or("variant"), numeric, ignorePunctuation};
    icu::Collator* c = collatorFor(key, locale);
    if (!c) return vm.throwRangeError("Incorrect locale information provided");
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = c->compareUTF8(icu::StringPiece(a.data(), int32_t(a.size())),
                                        icu::StringPiece(b.data(), int32_t(b.size())), status);
    return Value::integer(r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0);
}

} // namespace molt::intl
