// A zone with a half-hour offset and no DST.
// env: TZ=Asia/Kolkata
const d = new Date(2024, 2, 5, 10, 0);
console.log(d.toString(), d.getTimezoneOffset()); // expect: Tue Mar 05 2024 10:00:00 GMT+0530 (India Standard Time) -330
console.log(d.toISOString(), d.getUTCHours(), d.getUTCMinutes()); // expect: 2024-03-05T04:30:00.000Z 4 30
console.log(new Date(0).toString(), new Date(0).getHours(), new Date(0).getMinutes()); // expect: Thu Jan 01 1970 05:30:00 GMT+0530 (India Standard Time) 5 30
console.log(new Date("2024-03-05").getHours(), new Date("2024-03-05T10:00").toISOString()); // expect: 5 2024-03-05T04:30:00.000Z
const e = new Date(Date.UTC(2024, 2, 5, 20));
console.log(e.getDate(), e.getHours(), e.getMinutes(), e.toDateString()); // expect: 6 1 30 Wed Mar 06 2024
e.setHours(0, 0, 0, 0);
console.log(e.toISOString(), e.toTimeString()); // expect: 2024-03-05T18:30:00.000Z 00:00:00 GMT+0530 (India Standard Time)
