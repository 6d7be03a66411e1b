// Case expressions are evaluated in order until one matches; switch(true) idiom.
const evaluated = [];
function c(v) {
  evaluated.push(v);
  return v;
}
switch (3) {
  case c(1):
    console.log("one");
    break;
  case c(3):
    console.log("three"); // expect: three
    break;
  case c(5):
    console.log("five");
}
console.log(evaluated); // expect: [ 1, 3 ]

function bucket(score) {
  switch (true) {
    case score >= 90:
      return "high";
    case score >= 50:
      return "mid";
    default:
      return "low";
  }
}
console.log(bucket(95), bucket(50), bucket(3)); // expect: high mid low

switch (NaN) {
  case NaN:
    console.log("never");
    break;
  default:
    console.log("NaN matches no case"); // expect: NaN matches no case
}
