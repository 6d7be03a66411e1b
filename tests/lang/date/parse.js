// Date.parse and new Date(string): the ES date-time format (date-only forms are UTC,
// date-time forms local) and the other forms node's parser accepts.
// env: TZ=America/New_York
const inputs = [
  "2024-03-05",
  "2024-03",
  "2024",
  "2024-03-05T10:00",
  "2024-03-05T10:00:00",
  "2024-03-05T10:00:00Z",
  "2024-03-05T10:00:00.123Z",
  "2024-03-05T10:00:00.1Z",
  "2024-03-05T10:00:00.123456Z",
  "2024-03-05T10:00:00+05:30",
  "2024-03-05T10:00:00-0800",
  "2024-03-05T10:00Z",
  "2024-03-05t10:00:00z",
  "2024-03-05T24:00:00Z",
  "2024-03-05T24:30:00Z",
  "2024-03-05T10",
  "2024-03-05T10:00:00.000+05",
  "+012345-01-01T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "-000000-01-01T00:00:00Z",
  "2024-13-01",
  "2024-02-30",
  "2024-3-5",
  "2024/03/05",
  "2024-03-05 10:00",
  "  2024-03-05  ",
  "Tue Mar 05 2024 10:00:00 GMT-0500 (Eastern Standard Time)",
  "Tue, 05 Mar 2024 15:00:00 GMT",
  "Tue Mar 05 2024",
  "March 5, 2024",
  "Mar 5, 2024 10:30:15",
  "Tuesday, March 5, 2024 10:00 AM",
  "Mar 5 2024 10:00 PM",
  "Mar 5, 2024 12:00 AM",
  "Mar 5, 2024 13:00 PM",
  "Mar 5 2024 10:00:00.5",
  "Mar 5 2024 10:00:00 +05",
  "Mar 5 2024 10:00:00 EST",
  "Mar 5 2024 10:00:00 PDT",
  "Mar 5 2024 10:00:00 UTC+2",
  "Mar 5, 2024 10:00 GMT+0530",
  "5 March 2024",
  "05-Mar-2024",
  "Mar-05-2024",
  "March 2024",
  "3/5/2024",
  "12/31/99",
  "1/1/49",
  "1 2 3",
  "10:00 2024-03-05",
  "Mar 5 2024 24:00",
  "Mar 5 2024 25:00",
  "Mar 5 2024 x",
  "x Mar 5 2024",
  "Jan 1 10000",
  "Dec 25, 1995 13:30",
  "Sun, 10 Mar 2024 02:30:00",
  "garbage",
  "",
  "32 1 2020",
];
for (const s of inputs) console.log(JSON.stringify(s), Date.parse(s), new Date(s).getTime() === Date.parse(s) || s);
// expect: "2024-03-05" 1709596800000 true
// expect: "2024-03" 1709251200000 true
// expect: "2024" 1704067200000 true
// expect: "2024-03-05T10:00" 1709650800000 true
// expect: "2024-03-05T10:00:00" 1709650800000 true
// expect: "2024-03-05T10:00:00Z" 1709632800000 true
// expect: "2024-03-05T10:00:00.123Z" 1709632800123 true
// expect: "2024-03-05T10:00:00.1Z" 1709632800100 true
// expect: "2024-03-05T10:00:00.123456Z" 1709632800123 true
// expect: "2024-03-05T10:00:00+05:30" 1709613000000 true
// expect: "2024-03-05T10:00:00-0800" 1709661600000 true
// expect: "2024-03-05T10:00Z" 1709632800000 true
// expect: "2024-03-05t10:00:00z" 1709632800000 true
// expect: "2024-03-05T24:00:00Z" 1709683200000 true
// expect: "2024-03-05T24:30:00Z" NaN 2024-03-05T24:30:00Z
// expect: "2024-03-05T10" NaN 2024-03-05T10
// expect: "2024-03-05T10:00:00.000+05" NaN 2024-03-05T10:00:00.000+05
// expect: "+012345-01-01T00:00:00Z" 327403382400000 true
// expect: "-000001-01-01T00:00:00Z" -62198755200000 true
// expect: "-000000-01-01T00:00:00Z" NaN -000000-01-01T00:00:00Z
// expect: "2024-13-01" NaN 2024-13-01
// expect: "2024-02-30" 1709251200000 true
// expect: "2024-3-5" 1709614800000 true
// expect: "2024/03/05" 1709614800000 true
// expect: "2024-03-05 10:00" 1709650800000 true
// expect: "  2024-03-05  " 1709614800000 true
// expect: "Tue Mar 05 2024 10:00:00 GMT-0500 (Eastern Standard Time)" 1709650800000 true
// expect: "Tue, 05 Mar 2024 15:00:00 GMT" 1709650800000 true
// expect: "Tue Mar 05 2024" 1709614800000 true
// expect: "March 5, 2024" 1709614800000 true
// expect: "Mar 5, 2024 10:30:15" 1709652615000 true
// expect: "Tuesday, March 5, 2024 10:00 AM" 1709650800000 true
// expect: "Mar 5 2024 10:00 PM" 1709694000000 true
// expect: "Mar 5, 2024 12:00 AM" 1709614800000 true
// expect: "Mar 5, 2024 13:00 PM" NaN Mar 5, 2024 13:00 PM
// expect: "Mar 5 2024 10:00:00.5" 1709650800500 true
// expect: "Mar 5 2024 10:00:00 +05" 1709614800000 true
// expect: "Mar 5 2024 10:00:00 EST" 1709650800000 true
// expect: "Mar 5 2024 10:00:00 PDT" 1709658000000 true
// expect: "Mar 5 2024 10:00:00 UTC+2" 1709625600000 true
// expect: "Mar 5, 2024 10:00 GMT+0530" 1709613000000 true
// expect: "5 March 2024" 1709614800000 true
// expect: "05-Mar-2024" 1709614800000 true
// expect: "Mar-05-2024" 1709614800000 true
// expect: "March 2024" 1709269200000 true
// expect: "3/5/2024" 1709614800000 true
// expect: "12/31/99" 946616400000 true
// expect: "1/1/49" 2493090000000 true
// expect: "1 2 3" 1041483600000 true
// expect: "10:00 2024-03-05" 1709650800000 true
// expect: "Mar 5 2024 24:00" 1709701200000 true
// expect: "Mar 5 2024 25:00" NaN Mar 5 2024 25:00
// expect: "Mar 5 2024 x" NaN Mar 5 2024 x
// expect: "x Mar 5 2024" 1709614800000 true
// expect: "Jan 1 10000" 253402318800000 true
// expect: "Dec 25, 1995 13:30" 819916200000 true
// expect: "Sun, 10 Mar 2024 02:30:00" 1710055800000 true
// expect: "garbage" NaN garbage
// expect: "" NaN 
// expect: "32 1 2020" NaN 32 1 2020
const round = new Date(2024, 4, 17, 8, 9, 10);
console.log(Date.parse(round.toString()) === round.getTime()); // expect: true
console.log(Date.parse(round.toUTCString()) === round.getTime()); // expect: true
console.log(Date.parse(round.toISOString()) === round.getTime(), Date.parse(round.toDateString())); // expect: true 1715918400000
console.log(new Date("2024-03-05T10:00").toString()); // expect: Tue Mar 05 2024 10:00:00 GMT-0500 (Eastern Standard Time)
