// date_time.h — ECMAScript's time values: the calendar arithmetic, the local time zone,
// the string formats Date parses and prints.
//
// A time value is a double counting milliseconds since 1970-01-01T00:00:00Z, ignoring leap
// seconds, within +-8.64e15; anything else is NaN ("Invalid Date"). Every function here
// takes and returns such doubles, so NaN flows through the arithmetic exactly as the spec's
// MakeDay/MakeTime/MakeDate do, and only `timeClip` decides what is representable.
//
// The local time zone is ICU's default zone, which ICU takes from `TZ` (or the host's
// /etc/localtime), as node does. Offsets follow V8: a UTC instant gets the zone's offset at
// that instant; a local wall-clock time that falls in a DST gap or overlap resolves to the
// offset in effect *before* the transition (ICU's UCAL_TZ_LOCAL_FORMER), so 02:30 on a
// spring-forward night is 03:30 daylight time and 01:30 on a fall-back night is the first
// (daylight) 01:30.
//
// Parsing follows V8's DateParser: the ES date-time format first (date-only forms are UTC,
// date-time forms without an offset are local); anything else goes through the legacy
// grammar of words, numbers and separators that accepts what toString, toUTCString and
// the usual "March 5, 2024 10:00 AM" or "3/5/2024" forms produce.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace molt::date {

constexpr double kMsPerDay = 86400000.0;
constexpr double kMsPerHour = 3600000.0;
constexpr double kMsPerMinute = 60000.0;
constexpr double kMsPerSecond = 1000.0;

// The fields of a time value, in whichever zone it was broken down for.
struct Fields {
    double year = 0, month = 0, day = 1; // month 0-11, day 1-31
    double hour = 0, minute = 0, second = 0, ms = 0;
    int weekDay = 0; // 0 = Sunday
};

// The spec's MakeDay / MakeTime / MakeDate: NaN if any input is not finite. Months and
// days overflow into the next unit (month 12 is January of the next year).
double makeDay(double year, double month, double day);
double makeTime(double hour, double minute, double second, double ms);
double makeDate(double day, double time);
// NaN outside +-8.64e15, otherwise the value truncated towards zero (no -0).
double timeClip(double t);
// Breaks a finite time value into fields (no zone applied).
Fields breakDown(double t);

// The local zone's offset from UTC in ms at the UTC instant `utc`.
double offsetAtUtc(double utc);
// The offset for a local wall-clock time (gaps and overlaps resolved as described above).
double offsetAtLocal(double local);
inline double toLocal(double utc) {
    return utc + offsetAtUtc(utc);
}
inline double toUtc(double local) {
    return local - offsetAtLocal(local);
}
// The zone's long English name at that instant ("Eastern Daylight Time").
std::string zoneName(double utc);

// Date.parse: the time value of `text`, or NaN when neither grammar accepts it.
double parse(std::string_view text);

// The current time (the system clock, whole milliseconds).
double now();

// The printed forms; each takes a finite time value.
std::string toIsoString(double t);   // 2024-03-05T10:00:00.000Z
std::string toDateString(double t);  // Tue Mar 05 2024 (local)
std::string toTimeString(double t);  // 10:00:00 GMT-0500 (Eastern Standard Time)
std::string toLocalString(double t); // toDateString + " " + toTimeString
std::string toUtcString(double t);   // Tue, 05 Mar 2024 15:00:00 GMT

} // namespace molt::date
