// toLocaleString, toLocaleDateString, toLocaleTimeString and Intl.DateTimeFormat for
// en-US with the common options.
// env: TZ=America/New_York
const d = new Date(2024, 2, 5, 14, 7, 9);
console.log(d.toLocaleString()); // expect: 3/5/2024, 2:07:09 PM
console.log(d.toLocaleDateString()); // expect: 3/5/2024
console.log(d.toLocaleTimeString()); // expect: 2:07:09 PM
console.log(d.toLocaleString("en-US"), "|", d.toLocaleDateString("en-US"), "|", d.toLocaleTimeString("en-US"));
// expect: 3/5/2024, 2:07:09 PM | 3/5/2024 | 2:07:09 PM
console.log(d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" })); // expect: March 5, 2024
console.log(d.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" })); // expect: Tuesday, March 5, 2024
console.log(d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" })); // expect: Tue, Mar 5
console.log(d.toLocaleDateString("en-US", { month: "2-digit", day: "2-digit", year: "numeric" })); // expect: 03/05/2024
console.log(d.toLocaleDateString("en-US", { month: "long" }), d.toLocaleDateString("en-US", { weekday: "long" })); // expect: March Tuesday
console.log(d.toLocaleDateString("en-US", { year: "2-digit", month: "narrow" })); // expect: M 24
console.log(d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" })); // expect: 02:07 PM
console.log(d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", hour12: false })); // expect: 14:07
console.log(d.toLocaleTimeString("en-US", { timeZone: "UTC" }), d.toLocaleString("en-US", { timeZone: "Asia/Tokyo" }));
// expect: 7:07:09 PM 3/6/2024, 4:07:09 AM
console.log(d.toLocaleDateString(undefined, { dateStyle: "medium" }), "|", d.toLocaleString("en-US", { dateStyle: "full" }));
// expect: Mar 5, 2024 | Tuesday, March 5, 2024
console.log(new Date(2024, 0, 1, 0, 5).toLocaleTimeString(), new Date(2024, 0, 1, 12, 5).toLocaleTimeString()); // expect: 12:05:00 AM 12:05:00 PM
console.log(new Date(NaN).toLocaleString(), new Date(NaN).toLocaleDateString()); // expect: Invalid Date Invalid Date
const fmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });
console.log(fmt.format(d), new Intl.DateTimeFormat("en-US").format(d), new Intl.DateTimeFormat().format(0)); // expect: Mar 5, 2024 3/5/2024 12/31/1969
console.log(["2024-01-15", "2024-07-04"].map((s) => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "long" }).format(new Date(s))));
// expect: [ 'January 15, 2024', 'July 4, 2024' ]
console.log(new Intl.DateTimeFormat("en-US").resolvedOptions().timeZone); // expect: America/New_York
try { // expect: RangeError: Value huge out of range for Date.prototype.toLocaleDateString options property month
  d.toLocaleDateString("en-US", { month: "huge" });
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try { // expect: RangeError: Invalid time zone specified: Mars/Olympus
  d.toLocaleString("en-US", { timeZone: "Mars/Olympus" });
} catch (e) {
  console.log(e.name + ": " + e.message);
}
