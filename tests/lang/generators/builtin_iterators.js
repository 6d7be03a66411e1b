// next() on the built-in iterators: Array, Map and Set keys()/values()/entries().
const it = ["a", "b"].values();
console.log(it.next(), it.next(), it.next()); // expect: { value: 'a', done: false } { value: 'b', done: false } { value: undefined, done: true }
const keys = [7, 8].keys();
keys.next();
console.log(keys.next().value, [...keys]); // expect: 1 []
const m = new Map([["x", 1], ["y", 2]]);
const entries = m.entries();
console.log(entries.next().value, [...entries]); // expect: [ 'x', 1 ] [ [ 'y', 2 ] ]
console.log(m.keys().next(), m.values().next().value); // expect: { value: 'x', done: false } 1
const s = new Set([3, 4]).values();
s.next();
console.log(s.next(), s.next().done); // expect: { value: 4, done: false } true
function* wrap(iterator) {
  let step;
  while (!(step = iterator.next()).done) yield step.value * 10;
}
console.log([...wrap([1, 2, 3].values())]); // expect: [ 10, 20, 30 ]
