// Arbitrary expressions inside ${}: calls, optional chaining, nullish, assignments.
const user = { name: "ann", address: null, tags: ["a", "b"] };
console.log(`${user.name.toUpperCase()} lives in ${user.address?.city ?? "unknown"}`); // expect: ANN lives in unknown
console.log(`tags: ${user.tags.length ? user.tags.join("/") : "none"}`); // expect: tags: a/b
let counter = 0;
const s = `${counter++}-${counter++}-${++counter}`;
console.log(s, counter); // expect: 0-1-3 3
console.log(`${typeof user} ${"name" in user} ${Array.isArray(user.tags)}`); // expect: object true true
console.log(`${`${1 + 1}` + 1}`, `${2 ** 10}`.length); // expect: 21 4
const pad = (v) => `${v}`.padStart(3, "0");
console.log(`${pad(7)}:${pad(42)}:${pad(123)}`); // expect: 007:042:123
