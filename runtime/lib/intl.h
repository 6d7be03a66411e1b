// intl.h — the locale-sensitive formatting the built-ins share, on ICU: Date's
// toLocale*String and Intl.DateTimeFormat, Number's toLocaleString and Intl.NumberFormat,
// String's localeCompare and normalize.
//
// What node prints comes from its own ICU (bundled, newer than Debian's). The two agree on
// the CLDR data these basics use, except that newer CLDR put U+202F (narrow no-break
// space) before "AM"/"PM" where node, keeping web compatibility, prints a plain space: the
// formatted text is given that space too. Locales other than the ones ICU ships resolve as
// ICU resolves them; `undefined` means en-US.
#pragma once

#include "runtime/core/value.h"

#include <string>
#include <string_view>

namespace molt {
class VM;
}

namespace molt::intl {

// Which fields toLocale*String show when the options name none (the spec's
// ToDateTimeOptions "required"/"defaults").
enum class DateStyle { Date, Time, DateTime };

// A time value formatted for `locales` (a tag, an array of tags or undefined) and an
// options record; a string Value, or an exception (RangeError for a bad option).
// `service` names the caller in RangeErrors ("Intl.DateTimeFormat").
Value formatDate(VM& vm, double t, Value locales, Value options, DateStyle style,
                 const char* service);
// A number formatted as Intl.NumberFormat(locales, options).format(x) does.
Value formatNumber(VM& vm, double x, Value locales, Value options);
// String.prototype.localeCompare(that, locales, options): -1, 0 or 1, or an exception.
Value compareStrings(VM& vm, std::string_view a, std::string_view b, Value locales, Value options);

} // namespace molt::intl
