// && || ?? return operands and skip evaluating the right side when possible.
const log = [];
function v(name, value) {
  log.push(name);
  return value;
}

console.log(v("a", 0) && v("b", 1)); // expect: 0
console.log(v("c", 2) && v("d", 3)); // expect: 3
console.log(v("e", "") || v("f", "fallback")); // expect: fallback
console.log(v("g", "x") || v("h", "y")); // expect: x
console.log(v("i", null) ?? v("j", "default")); // expect: default
console.log(v("k", 0) ?? v("l", 5)); // expect: 0
console.log(log.join("")); // expect: acdefgijk
console.log(null || undefined, "" && 1, false ?? true); // expect: undefined  false
console.log((null ?? 0) || "z", (1 && null) ?? "n"); // expect: z n
