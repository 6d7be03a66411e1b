// The setUTC* family with its optional arguments, overflow normalisation, setTime and
// the return values.
// env: TZ=UTC
const d = new Date(Date.UTC(2024, 0, 31, 10, 0, 0));
console.log(d.setUTCMonth(1), d.toISOString()); // Jan 31 + 1 month overflows into March
// expect: 1709373600000 2024-03-02T10:00:00.000Z
console.log(d.setUTCDate(0), d.toISOString()); // expect: 1709200800000 2024-02-29T10:00:00.000Z
console.log(d.setUTCFullYear(2023, 11, 25), d.toISOString()); // expect: 1703498400000 2023-12-25T10:00:00.000Z
console.log(d.setUTCHours(23, 59, 59, 999), d.toISOString()); // expect: 1703548799999 2023-12-25T23:59:59.999Z
console.log(d.setUTCMilliseconds(1000), d.toISOString()); // expect: 1703548800000 2023-12-26T00:00:00.000Z
console.log(d.setUTCSeconds(-1), d.toISOString()); // expect: 1703548799000 2023-12-25T23:59:59.000Z
console.log(d.setUTCMinutes(90, 30), d.toISOString()); // expect: 1703550630000 2023-12-26T00:30:30.000Z
console.log(d.setUTCDate(366), d.toISOString()); // expect: 1732926630000 2024-11-30T00:30:30.000Z
console.log(d.setTime(0), d.toISOString(), d.setTime(), d.getTime()); // expect: 0 1970-01-01T00:00:00.000Z NaN NaN
console.log(d.setUTCHours(5), d.getTime()); // an invalid date stays invalid
// expect: NaN NaN
console.log(d.setUTCFullYear(2020), d.toISOString()); // except through setFullYear
// expect: 1577836800000 2020-01-01T00:00:00.000Z
console.log(d.setUTCMonth(NaN), d.getTime()); // expect: NaN NaN
const e = new Date(Date.UTC(2024, 1, 29));
e.setUTCFullYear(2025);
console.log(e.toISOString()); // expect: 2025-03-01T00:00:00.000Z
e.setUTCDate(e.getUTCDate() + 400);
console.log(e.toISOString()); // expect: 2026-04-05T00:00:00.000Z
const f = new Date(0);
f.setUTCSeconds("30");
console.log(f.getUTCSeconds(), f.setUTCMinutes({ valueOf() { return 2; } })); // expect: 30 150000
console.log(new Date(0).setUTCMonth(), new Date(0).setUTCDate(1.9)); // expect: NaN 0
