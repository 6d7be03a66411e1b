// toString, toDateString, toTimeString, toUTCString, String(d), template literals and
// invalid dates.
// env: TZ=UTC
const d = new Date(Date.UTC(2024, 2, 5, 9, 7, 3));
console.log(d.toString()); // expect: Tue Mar 05 2024 09:07:03 GMT+0000 (Coordinated Universal Time)
console.log(d.toDateString()); // expect: Tue Mar 05 2024
console.log(d.toTimeString()); // expect: 09:07:03 GMT+0000 (Coordinated Universal Time)
console.log(d.toUTCString()); // expect: Tue, 05 Mar 2024 09:07:03 GMT
console.log(String(d) === d.toString(), `${d}` === d.toString(), d + "" === d.toString()); // expect: true true true
console.log(new Date(Date.UTC(-1, 0, 1)).toString()); // expect: Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)
console.log(new Date(Date.UTC(12345, 0, 1)).toUTCString()); // expect: Mon, 01 Jan 12345 00:00:00 GMT
console.log(new Date(Date.UTC(5, 0, 1)).toDateString()); // expect: Sun Jan 01 1905
const bad = new Date("not a date");
console.log(bad.toString(), bad.toDateString(), bad.toTimeString(), bad.toUTCString()); // expect: Invalid Date Invalid Date Invalid Date Invalid Date
console.log(String(bad), bad.getTime(), bad.getFullYear(), bad.getUTCDay(), bad.getTimezoneOffset()); // expect: Invalid Date NaN NaN NaN NaN
console.log(bad.toJSON(), JSON.stringify(bad), JSON.stringify({ when: bad })); // expect: null null {"when":null}
try { // expect: true RangeError: Invalid time value
  bad.toISOString();
} catch (e) {
  console.log(e instanceof RangeError, e.name + ": " + e.message);
}
const getTime = d.getTime;
try { // expect: TypeError: this is not a Date object.
  getTime();
} catch (e) {
  console.log(e.name + ": " + e.message);
}
