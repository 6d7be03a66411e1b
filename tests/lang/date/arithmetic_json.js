// Dates in arithmetic and comparisons (valueOf), JSON and console.log.
// env: TZ=UTC
const a = new Date(Date.UTC(2024, 0, 1));
const b = new Date(Date.UTC(2024, 0, 31, 12));
console.log(b - a, (b - a) / 86400000, +a, a * 1, -a); // expect: 2635200000 30.5 1704067200000 1704067200000 -1704067200000
console.log(a < b, a > b, a <= b, b >= a, a == b, a === a, a.getTime() === new Date(a).getTime()); // expect: true false true true false true true
console.log(a + 1); // expect: Mon Jan 01 2024 00:00:00 GMT+0000 (Coordinated Universal Time)1
console.log(a - 1, Math.max(a, b) === b.getTime(), Number(a), isNaN(new Date(NaN))); // expect: 1704067199999 true 1704067200000 true
const sorted = [b, a, new Date(0)].sort((x, y) => x - y).map((x) => x.toISOString());
console.log(sorted);
// expect: [
// expect:   '1970-01-01T00:00:00.000Z',
// expect:   '2024-01-01T00:00:00.000Z',
// expect:   '2024-01-31T12:00:00.000Z'
// expect: ]
console.log(JSON.stringify(a), JSON.stringify({ a, list: [b] }));
// expect: "2024-01-01T00:00:00.000Z" {"a":"2024-01-01T00:00:00.000Z","list":["2024-01-31T12:00:00.000Z"]}
console.log(JSON.parse(JSON.stringify({ a })).a === a.toISOString()); // expect: true
console.log(a); // expect: 2024-01-01T00:00:00.000Z
console.log([a, new Date(NaN)]); // expect: [ 2024-01-01T00:00:00.000Z, Invalid Date ]
console.log({ created: a, nested: { at: b }, bad: new Date("x") });
// expect: {
// expect:   created: 2024-01-01T00:00:00.000Z,
// expect:   nested: { at: 2024-01-31T12:00:00.000Z },
// expect:   bad: Invalid Date
// expect: }
console.log(new Map([["start", a]])); // expect: Map(1) { 'start' => 2024-01-01T00:00:00.000Z }
const elapsed = new Date(b.getTime() - a.getTime());
console.log(elapsed.getUTCDate() - 1, elapsed.getUTCHours()); // expect: 30 12
const later = new Date(a.getTime() + 90 * 60 * 1000);
console.log(later.toISOString()); // expect: 2024-01-01T01:30:00.000Z
