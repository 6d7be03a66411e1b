// Fall-through between cases, default in the middle, and break.
function describe(n) {
  const out = [];
  switch (n) {
    case 0:
      out.push("zero");
    case 1:
      out.push("one");
      break;
    default:
      out.push("default");
    case 2:
      out.push("two");
    case 3:
      out.push("three");
      break;
    case 4:
      out.push("four");
  }
  return out.join(">");
}
for (let i = 0; i <= 5; i++) console.log(i, describe(i));
// expect: 0 zero>one
// expect: 1 one
// expect: 2 two>three
// expect: 3 three
// expect: 4 four
// expect: 5 default>two>three
