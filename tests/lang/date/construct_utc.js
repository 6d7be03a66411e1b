// Date construction, Date.UTC, the UTC getters and toISOString (no local time involved).
// env: TZ=UTC
const epoch = new Date(0);
console.log(epoch.getTime(), epoch.valueOf(), epoch.toISOString()); // expect: 0 0 1970-01-01T00:00:00.000Z
const d = new Date(Date.UTC(2024, 2, 5, 10, 30, 15, 250));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()); // expect: 2024 2 5 2
console.log(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()); // expect: 10 30 15 250
console.log(d.toISOString(), d.toJSON()); // expect: 2024-03-05T10:30:15.250Z 2024-03-05T10:30:15.250Z
console.log(Date.UTC(2024), Date.UTC(2024, 1), Date.UTC(99, 0), Date.UTC(100, 0)); // expect: 1704067200000 1706745600000 915148800000 -59011459200000
console.log(Date.UTC(2024, 0, 31 + 29), Date.UTC(2024, 12, 1), Date.UTC(2024, -1, 1)); // expect: 1709164800000 1735689600000 1701388800000
console.log(Date.UTC(), Date.UTC(NaN), Date.UTC(2024, 0, 1, 25, 61, 61, 1001)); // expect: NaN NaN 1704160922001
console.log(new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString()); // expect: +275760-09-13T00:00:00.000Z -271821-04-20T00:00:00.000Z
console.log(new Date(8.64e15 + 1).getTime(), new Date(1.5).getTime(), new Date(-1.5).getTime()); // expect: NaN 1 -1
console.log(new Date(Date.UTC(-1, 0, 1)).toISOString(), new Date(Date.UTC(12345, 5, 6)).toISOString());
// expect: -000001-01-01T00:00:00.000Z +012345-06-06T00:00:00.000Z
console.log(new Date(Date.UTC(0, 0, 1)).getUTCFullYear(), new Date(Date.UTC(1900, 1, 29)).getUTCDate()); // expect: 1900 1
const copy = new Date(d);
console.log(copy.getTime() === d.getTime(), copy === d, copy instanceof Date, typeof copy); // expect: true false true object
console.log(new Date("2024-03-05").getTime(), new Date(true).getTime(), new Date(null).getTime()); // expect: 1709596800000 1 0
console.log(new Date(undefined).getTime(), new Date("nope").getTime(), new Date(NaN).getTime()); // expect: NaN NaN NaN
const now = Date.now();
console.log(typeof now, now > 1.7e12, Math.abs(new Date().getTime() - now) < 60000); // expect: number true true
console.log(typeof Date(), Date().length > 20, Object.keys(d).length); // expect: string true 0
const days = [];
for (let i = 0; i < 7; i++) days.push(new Date(Date.UTC(2024, 0, i + 7)).getUTCDay());
console.log(days.join(",")); // expect: 0,1,2,3,4,5,6
for (const y of [1600, 1700, 1900, 2000, 2023, 2024, 2100])
// expect: 1600 leap
// expect: 1700 common
// expect: 1900 common
// expect: 2000 leap
// expect: 2023 common
// expect: 2024 leap
// expect: 2100 common
  console.log(y, new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1 ? "leap" : "common");
