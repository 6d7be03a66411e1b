// Generators wherever an iterable goes: for-of (with break and continue), spread, array
// destructuring, Array.from, Map/Set constructors, yield* over arrays, strings and Maps.
function* fib() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
const firstTen = [];
for (const n of fib()) {
  if (n > 50) break;
  if (n % 2) continue;
  firstTen.push(n);
}
console.log(firstTen); // expect: [ 0, 2, 8, 34 ]

const [x, y, ...rest] = (function* () {
  yield* [1, 2, 3, 4];
})();
console.log(x, y, rest); // expect: 1 2 [ 3, 4 ]

function* chars() {
  yield* "hé!";
  yield* new Map([["k", 1]]);
  yield* new Set(["s"]);
}
console.log([...chars()]); // expect: [ 'h', 'é', '!', [ 'k', 1 ], 's' ]
console.log(new Set(chars()).size, Array.from(fib().next().value.toString())); // expect: 5 [ '0' ]
const pairs = function* () {
  yield ["a", 1];
  yield ["b", 2];
};
console.log(new Map(pairs()).get("b")); // expect: 2

// Nested for-of over the same generator function, each with its own frame.
function* upTo(n) {
  for (let i = 1; i <= n; i++) yield i;
}
const table = [];
for (const i of upTo(3)) for (const j of upTo(i)) table.push(`${i}${j}`);
console.log(table.join(" ")); // expect: 11 21 22 31 32 33

// An exception thrown inside the body of a for-of over a generator.
function* risky() {
  yield 1;
  throw new Error("generator failed");
}
try {
  for (const v of risky()) console.log("got", v); // expect: got 1
} catch (e) {
  console.log(e.message); // expect: generator failed
}
