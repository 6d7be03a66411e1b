// padStart, padEnd, repeat, concat.
console.log("5".padStart(3, "0"), "abc".padStart(2), "x".padEnd(4, "-") + "|"); // expect: 005 abc x---|
console.log("7".padStart(6, "ab"), "7".padEnd(6, "ab"), `[${"hi".padStart(5)}]`); // expect: ababa7 7ababa [   hi]
console.log("=".repeat(10), JSON.stringify("ab".repeat(0))); // expect: ========== ""
console.log("a".concat("b", 1, null), JSON.stringify("".concat())); // expect: ab1null ""

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => (typeof cell === "number" ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join(" | "));
}
for (const line of table([["item", "qty"], ["apple", 3], ["kiwi", 12]])) console.log(line);
// expect: item  | qty
// expect: apple |   3
// expect: kiwi  |  12
