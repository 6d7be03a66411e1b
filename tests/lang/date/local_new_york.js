// Local time in a zone with daylight saving time: the constructor from parts, the local
// getters and setters, getTimezoneOffset and toString across both DST changes of 2024.
// env: TZ=America/New_York
const winter = new Date(2024, 0, 15, 9, 30);
console.log(winter.toString()); // expect: Mon Jan 15 2024 09:30:00 GMT-0500 (Eastern Standard Time)
console.log(winter.toISOString(), winter.getTimezoneOffset()); // expect: 2024-01-15T14:30:00.000Z 300
console.log(winter.getFullYear(), winter.getMonth(), winter.getDate(), winter.getDay(), winter.getHours(), winter.getMinutes()); // expect: 2024 0 15 1 9 30
const summer = new Date(2024, 6, 4, 12);
console.log(summer.toString(), summer.getTimezoneOffset()); // expect: Thu Jul 04 2024 12:00:00 GMT-0400 (Eastern Daylight Time) 240
console.log(summer.toTimeString(), summer.toDateString()); // expect: 12:00:00 GMT-0400 (Eastern Daylight Time) Thu Jul 04 2024
// 02:30 on March 10 does not exist: it becomes 03:30 daylight time.
const gap = new Date(2024, 2, 10, 2, 30);
console.log(gap.toString(), gap.getHours(), gap.toISOString()); // expect: Sun Mar 10 2024 03:30:00 GMT-0400 (Eastern Daylight Time) 3 2024-03-10T07:30:00.000Z
// 01:30 on November 3 happens twice: the first (daylight) one is chosen.
const overlap = new Date(2024, 10, 3, 1, 30);
console.log(overlap.toString(), overlap.toISOString()); // expect: Sun Nov 03 2024 01:30:00 GMT-0400 (Eastern Daylight Time) 2024-11-03T05:30:00.000Z
const later = new Date(overlap.getTime() + 3600000);
console.log(later.toString(), later.getHours()); // expect: Sun Nov 03 2024 01:30:00 GMT-0500 (Eastern Standard Time) 1
// Adding a day across the change keeps the wall-clock time; adding 24 hours does not.
const before = new Date(2024, 2, 9, 12);
const nextDay = new Date(before);
nextDay.setDate(before.getDate() + 1);
console.log(nextDay.toString(), (nextDay - before) / 3600000); // expect: Sun Mar 10 2024 12:00:00 GMT-0400 (Eastern Daylight Time) 23
console.log(new Date(before.getTime() + 86400000).toString()); // expect: Sun Mar 10 2024 13:00:00 GMT-0400 (Eastern Daylight Time)
// Overflowing parts normalise in local time.
console.log(new Date(2024, 13, 1).toDateString(), new Date(2024, 0, 0).toDateString()); // expect: Sat Feb 01 2025 Sun Dec 31 2023
console.log(new Date(2024, 1, 29, 24, 60, 60, 1000).toString()); // expect: Fri Mar 01 2024 01:01:01 GMT-0500 (Eastern Standard Time)
console.log(new Date(99, 11, 31).getFullYear(), new Date(2024, 0).getTime()); // expect: 1999 1704085200000
const s = new Date(2024, 5, 30, 23, 59, 59);
console.log(s.setMonth(1), s.toString()); // expect: 1709355599000 Fri Mar 01 2024 23:59:59 GMT-0500 (Eastern Standard Time)
console.log(s.setHours(48), s.toString()); // expect: 1709445599000 Sun Mar 03 2024 00:59:59 GMT-0500 (Eastern Standard Time)
console.log(s.setFullYear(2025, 0), s.toString()); // expect: 1735883999000 Fri Jan 03 2025 00:59:59 GMT-0500 (Eastern Standard Time)
console.log(s.setMinutes(-30, 15, 500), s.toString(), s.getMilliseconds());
// expect: 1735878615500 Thu Jan 02 2025 23:30:15 GMT-0500 (Eastern Standard Time) 500
console.log(s.setSeconds(75), s.getSeconds(), s.getMinutes()); // expect: 1735878675500 15 31
console.log(s.setMilliseconds(-1), s.getMilliseconds(), s.getSeconds()); // expect: 1735878674999 999 14
console.log(s.setDate(1), s.getDay(), s.getYear()); // expect: 1735792274999 3 125
const midnight = new Date(2024, 2, 10);
console.log(midnight.getTimezoneOffset(), new Date(2024, 2, 11).getTimezoneOffset()); // expect: 300 240
console.log(new Date(1900, 0, 1).toString()); // expect: Mon Jan 01 1900 00:00:00 GMT-0500 (Eastern Standard Time)
console.log(new Date(1969, 11, 31, 19).getTime(), new Date(0).getHours()); // expect: 0 19
const parts = [];
for (let m = 0; m < 12; m++) parts.push(new Date(2024, m, 1).getTimezoneOffset());
console.log(parts.join(" ")); // expect: 300 300 300 240 240 240 240 240 240 240 240 300
