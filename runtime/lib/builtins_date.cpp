// builtins_date.cpp — the Date class: construction, the getters and setters in local time
// and UTC, the string forms and the conversions that make `d2 - d1` and `d < e` work.
//
// A DateObj holds only its time value; every field is derived on demand (date_time.h), so
// the object stays one double and a setter is "break down, replace, rebuild, clip".
// The setters convert all their arguments before they look at the time value, as the
// spec orders it: a valueOf that throws leaves the date unchanged, and NaN stays NaN
// (except setFullYear, which starts an invalid date from +0).
//
// ToPrimitive of a Date (convert.cpp) prefers the string for the default hint, so
// `d + 1` concatenates while `d - 1`, `+d` and comparisons use the number.
#include "runtime/lib/date_time.h"
#include "runtime/lib/intl.h"
#include "runtime/lib/natives.h"

#include <cmath>

namespace molt {

namespace {

enum Field { Year, Month, Day, Hour, Minute, Second, Millisecond, WeekDay };

DateObj* newDate(VM& vm, Class* cls, double t) {
    auto* d = vm.heap.allocate<DateObj>(ObjKind::Date, cls ? cls : vm.dateClass);
    d->time = t;
    return d;
}

DateObj* thisDate(VM& vm, Value thisValue) {
    if (isKind(thisValue, ObjKind::Date)) return as<DateObj>(thisValue);
    vm.throwTypeError("this is not a Date object.");
    return nullptr;
}

#define THIS_DATE()                                                                                \
    DateObj* date = thisDate(vm, thisValue);                                                       \
    if (!date) return Value::exception()

// ToNumber of the first `n` arguments given into `out` (copied first: hosted valueOf may
// run); the entries past argc are left as they are.
bool numberArgs(VM& vm, Value* args, int argc, int n, double* out) {
    Value copies[7];
    int count = argc < n ? argc : n;
    for (int i = 0; i < count; ++i)
        copies[i] = args[i];
    for (int i = 0; i < count; ++i) {
        Value v = vm.toPrimitiveNumber(copies[i]);
        if (v.isException()) return false;
        out[i] = v.asNumber();
    }
    return true;
}

// The spec's year mapping for Date(y, m, ...) and Date.UTC: 0..99 means 1900..1999.
double fromComponents(const double* c, int count) {
    double year = c[0];
    if (!std::isnan(year)) {
        double y = std::trunc(year);
        if (y >= 0 && y <= 99) year = 1900 + y;
    }
    double month = count > 1 ? c[1] : 0, day = count > 2 ? c[2] : 1;
    double hour = count > 3 ? c[3] : 0, minute = count > 4 ? c[4] : 0;
    double second = count > 5 ? c[5] : 0, ms = count > 6 ? c[6] : 0;
    return date::makeDate(date::makeDay(year, month, day),
                          date::makeTime(hour, minute, second, ms));
}

Value dateConstruct(VM& vm, Class* cls, Value* args, int argc) {
    double t;
    if (argc == 0) {
        t = date::now();
    } else if (argc == 1) {
        Value v = args[0];
        if (isKind(v, ObjKind::Date)) {
            t = as<DateObj>(v)->time;
        } else {
            Value p = v.isObject() && !isString(v) ? toPrimitive(vm, v, 0) : v;
            if (p.isException()) return p;
            t = isString(p) ? date::parse(asString(p)->view()) : date::timeClip(VM::toNumber(p));
        }
    } else {
        double c[7];
        if (!numberArgs(vm, args, argc, 7, c)) return Value::exception();
        t = date::timeClip(date::toUtc(fromComponents(c, argc < 7 ? argc : 7)));
    }
    return Value::object(newDate(vm, cls == vm.dateClass ? nullptr : cls, t));
}

// Date() called without new: the current time as toString prints it.
Value dateCall(VM& vm, Value, Value*, int) {
    return vm.str(date::toLocalString(date::now()));
}

Value dateNow(VM&, Value, Value*, int) {
    return Value::number(date::now());
}

Value dateParse(VM& vm, Value, Value* args, int argc) {
    Value s = toStringValue(vm, arg(args, argc, 0));
    if (s.isException()) return s;
    return Value::number(date::parse(asString(s)->view()));
}

Value dateUtc(VM& vm, Value, Value* args, int argc) {
    double c[7];
    if (!numberArgs(vm, args, argc, 7, c)) return Value::exception();
    if (argc == 0) return Value::number(NAN);
    return Value::number(date::timeClip(fromComponents(c, argc < 7 ? argc : 7)));
}

double fieldOf(const date::Fields& f, Field field) {
    switch (field) {
    case Year: return f.year;
    case Month: return f.month;
    case Day: return f.day;
    case Hour: return f.hour;
    case Minute: return f.minute;
    case Second: return f.second;
    case Millisecond: return f.ms;
    case WeekDay: return f.weekDay;
    }
    return NAN;
}

template<Field F, bool Utc> Value getField(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    double t = date->time;
    if (std::isnan(t)) return Value::number(NAN);
    return Value::number(fieldOf(date::breakDown(Utc ? t : date::toLocal(t)), F));
}

// setFullYear/setMonth/setDate take the date fields from `F` on (at most three of them);
// setHours ... setMilliseconds the time fields from `F` to the milliseconds.
template<Field F, bool Utc> Value setFields(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_DATE();
    constexpr int maxArgs = F >= Hour ? Millisecond - F + 1 : Hour - F;
    double given[4] = {NAN, NAN, NAN, NAN};
    if (!numberArgs(vm, args, argc, maxArgs, given)) return Value::exception();
    double t = date->time;
    if (std::isnan(t)) {
        if (F != Year) return Value::number(NAN);
        t = 0;
    } else if (!Utc) {
        t = date::toLocal(t);
    }
    date::Fields f = date::breakDown(t);
    double* slots[] = {&f.year, &f.month, &f.day, &f.hour, &f.minute, &f.second, &f.ms};
    int count = argc < 1 ? 1 : (argc < maxArgs ? argc : maxArgs);
    for (int i = 0; i < count; ++i)
        *slots[F + i] = given[i];
    double local = date::makeDate(date::makeDay(f.year, f.month, f.day),
                                  date::makeTime(f.hour, f.minute, f.second, f.ms));
    date->time = date::timeClip(Utc ? local : date::toUtc(local));
    return Value::number(date->time);
}

Value dateGetTime(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    return Value::number(date->time);
}

Value dateSetTime(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_DATE();
    double t = NAN;
    if (!numberArgs(vm, args, argc, 1, &t)) return Value::exception();
    date->time = date::timeClip(t);
    return Value::number(date->time);
}

Value dateGetTimezoneOffset(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    double t = date->time;
    if (std::isnan(t)) return Value::number(NAN);
    return Value::number(-date::offsetAtUtc(t) / date::kMsPerMinute);
}

Value dateGetYear(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    double t = date->time;
    if (std::isnan(t)) return Value::number(NAN);
    return Value::number(date::breakDown(date::toLocal(t)).year - 1900);
}

template<std::string (*Format)(double)> Value formatDate(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    if (std::isnan(date->time)) return vm.str("Invalid Date");
    return vm.str(Format(date->time));
}

Value dateToIsoString(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    if (std::isnan(date->time)) return vm.throwRangeError("Invalid time value");
    return vm.str(date::toIsoString(date->time));
}

Value dateToJson(VM& vm, Value thisValue, Value*, int) {
    THIS_DATE();
    if (std::isnan(date->time)) return Value::null();
    return vm.str(date::toIsoString(date->time));
}

template<intl::DateStyle Style>
constexpr const char* kLocaleMethod =
    Style == intl::DateStyle::Date   ? "Date.prototype.toLocaleDateString"
    : Style == intl::DateStyle::Time ? "Date.prototype.toLocaleTimeString"
                                     : "Date.prototype.toLocaleString";

template<intl::DateStyle Style>
Value dateToLocaleString(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_DATE();
    if (std::isnan(date->time)) return vm.str("Invalid Date");
    return intl::formatDate(vm, date->time, arg(args, argc, 0), arg(args, argc, 1), Style,
                            kLocaleMethod<Style>);
}

} // namespace

Value newDateValue(VM& vm, double time) {
    return Value::object(newDate(vm, nullptr, time));
}

void installDateBuiltins(VM& vm) {
    Class* c = vm.newBuiltinClass("Date");
    c->instanceKind = ObjKind::Date;
    c->nativeConstruct = dateConstruct;
    vm.dateClass = c;
    vm.defineGlobal("Date", Value::object(c));
    vm.defineStaticMethod(c, "call", dateCall, 0);
    vm.defineStaticMethod(c, "now", dateNow, 0);
    vm.defineStaticMethod(c, "parse", dateParse, 1);
    vm.defineStaticMethod(c, "UTC", dateUtc, 7);

    struct Getter {
        const char* local;
        const char* utc;
        NativeFn localFn, utcFn;
    };
    const Getter getters[] = {
        {"getFullYear", "getUTCFullYear", getField<Year, false>, getField<Year, true>},
        {"getMonth", "getUTCMonth", getField<Month, false>, getField<Month, true>},
        {"getDate", "getUTCDate", getField<Day, false>, getField<Day, true>},
        {"getDay", "getUTCDay", getField<WeekDay, false>, getField<WeekDay, true>},
        {"getHours", "getUTCHours", getField<Hour, false>, getField<Hour, true>},
        {"getMinutes", "getUTCMinutes", getField<Minute, false>, getField<Minute, true>},
        {"getSeconds", "getUTCSeconds", getField<Second, false>, getField<Second, true>},
        {"getMilliseconds", "getUTCMilliseconds", getField<Millisecond, false>,
         getField<Millisecond, true>},
    };
    for (const Getter& g : getters) {
        vm.defineMethod(c, g.local, g.localFn, 0);
        vm.defineMethod(c, g.utc, g.utcFn, 0);
    }
    struct Setter {
        const char* local;
        const char* utc;
        NativeFn localFn, utcFn;
        int arity;
    };
    const Setter setters[] = {
        {"setFullYear", "setUTCFullYear", setFields<Year, false>, setFields<Year, true>, 3},
        {"setMonth", "setUTCMonth", setFields<Month, false>, setFields<Month, true>, 2},
        {"setDate", "setUTCDate", setFields<Day, false>, setFields<Day, true>, 1},
        {"setHours", "setUTCHours", setFields<Hour, false>, setFields<Hour, true>, 4},
        {"setMinutes", "setUTCMinutes", setFields<Minute, false>, setFields<Minute, true>, 3},
        {"setSeconds", "setUTCSeconds", setFields<Second, false>, setFields<Second, true>, 2},
        {"setMilliseconds", "setUTCMilliseconds", setFields<Millisecond, false>,
         setFields<Millisecond, true>, 1},
    };
    for (const Setter& s : setters) {
        vm.defineMethod(c, s.local, s.localFn, s.arity);
        vm.defineMethod(c, s.utc, s.utcFn, s.arity);
    }
    vm.defineMethod(c, "getTime", dateGetTime, 0);
    vm.defineMethod(c, "valueOf", dateGetTime, 0);
    vm.defineMethod(c, "setTime", dateSetTime, 1);
    vm.defineMethod(c, "getTimezoneOffset", dateGetTimezoneOffset, 0);
    vm.defineMethod(c, "getYear", dateGetYear, 0);
    vm.defineMethod(c, "toISOString", dateToIsoString, 0);
    vm.defineMethod(c, "toJSON", dateToJson, 1);
    vm.defineMethod(c, "toString", formatDate<date::toLocalString>, 0);
    vm.defineMethod(c, "toDateString", formatDate<date::toDateString>, 0);
    vm.defineMethod(c, "toTimeString", formatDate<date::toTimeString>, 0);
    vm.defineMethod(c, "toUTCString", formatDate<date::toUtcString>, 0);
    vm.defineMethod(c, "toGMTString", formatDate<date::toUtcString>, 0);
    vm.defineMethod(c, "toLocaleString", dateToLocaleString<intl::DateStyle::DateTime>, 0);
    vm.defineMethod(c, "toLocaleDateString", dateToLocaleString<intl::DateStyle::Date>, 0);
    vm.defineMethod(c, "toLocaleTimeString", dateToLocaleString<intl::DateStyle::Time>, 0);
}

} // namespace molt
