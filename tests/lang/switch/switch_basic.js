// switch with strict comparison, default, and grouped cases.
function dayType(day) {
  switch (day) {
    case "sat":
    case "sun":
      return "weekend";
    case "fri":
      return "almost";
    default:
      return "weekday";
  }
}
console.log(["mon", "fri", "sun", "sat"].map(dayType).join(" ")); // expect: weekday almost weekend weekend

function kind(x) {
  switch (x) {
    case 1:
      return "number one";
    case "1":
      return "string one";
    case true:
      return "true";
    case null:
      return "null";
    case undefined:
      return "undefined";
  }
  return "other";
}
console.log([1, "1", true, null, undefined, 2].map(kind).join(", ")); // expect: number one, string one, true, null, undefined, other
