// toUpperCase, toLowerCase, trim, trimStart, trimEnd.
console.log("MiXeD Case".toUpperCase(), "MiXeD Case".toLowerCase()); // expect: MIXED CASE mixed case
const padded = "  \t hello world \n ";
console.log(`[${padded.trim()}]`); // expect: [hello world]
console.log(JSON.stringify(padded.trimStart())); // expect: "hello world \n "
console.log(JSON.stringify(padded.trimEnd())); // expect: "  \t hello world"

function titleCase(str) {
  return str
    .toLowerCase()
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ");
}
console.log(titleCase("  the LORD of   the rings ")); // expect: The Lord Of The Rings
console.log("ÀÉÎ".toLowerCase(), "àéî".toUpperCase()); // expect: àéî ÀÉÎ
