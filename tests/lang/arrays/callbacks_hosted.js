// The methods that call back (hosted bodies, decision 0019) keep the spec's semantics:
// length read once, holes skipped or read as undefined, changes made by a callback seen,
// thisArg bound, comparator calls in V8's order, and node's names, lengths and messages.
const holes = [1, , 3];
const seen = [];
holes.forEach((x, i) => seen.push(`${i}:${x}`));
console.log(seen.join(" ")); // expect: 0:1 2:3
console.log(holes.map((x) => x * 10)); // expect: [ 10, <1 empty item>, 30 ]
console.log(holes.find((x) => x === undefined), holes.findIndex((x) => x === undefined)); // expect: undefined 1
console.log(holes.findLast((x) => x < 3), holes.findLastIndex((x) => x > 5)); // expect: 1 -1
console.log(holes.some((x) => x === undefined), holes.every((x) => x !== undefined)); // expect: false true

// Growing the array inside the callback: the length was read once.
const grow = [1, 2];
grow.forEach((x) => grow.push(x + 10));
console.log(grow); // expect: [ 1, 2, 11, 12 ]
// Shrinking it: the indices past the new length are not visited.
const shrink = [1, 2, 3, 4];
const visited = [];
shrink.forEach((x) => {
  visited.push(x);
  if (x === 2) shrink.length = 3;
});
console.log(visited); // expect: [ 1, 2, 3 ]
// A later element changed by a callback is seen changed; a deleted one is skipped.
const edit = [1, 2, 3];
console.log(
  edit.map((x, i) => {
    if (i === 0) {
      edit[1] = 20;
      delete edit[2];
    }
    return x;
  })
); // expect: [ 1, 20, <1 empty item> ]

// thisArg, and the arguments each callback gets.
const scale = { k: 3 };
console.log([1, 2].map(function (x) { return x * this.k; }, scale)); // expect: [ 3, 6 ]
const arr2 = [1, 2];
console.log(arr2.filter(function (x, i, a) { return a === arr2 && this.k === 3 && i === 1; }, scale)); // expect: [ 2 ]
console.log(arr2.flatMap((x, i) => [x, [i]]), [[1], 2].flatMap((x) => x)); // expect: [ 1, [ 0 ], 2, [ 1 ] ] [ 1, 2 ]
console.log([1, , 3].flatMap((x) => [x, , x])); // expect: [ 1, 1, 3, 3 ]

// reduce: the initial value, holes, an explicit undefined, the empty case.
console.log([1, , 3].reduce((s, x, i) => s + x * i), [].reduce((s) => s, "init")); // expect: 7 init
console.log([1, 2, 3].reduceRight((s, x) => s + x, ""), [5].reduce((s, x) => s + x)); // expect: 321 5
console.log([1, 2].reduce((s, x) => `${s}${x}`, undefined)); // expect: undefined12
try {
  [, ,].reduce((s) => s);
} catch (e) {
  console.log(e instanceof TypeError, e.message); // expect: true Reduce of empty array with no initial value
}

// sort with a comparator: undefineds last, holes after them, stability, both algorithms.
console.log([3, undefined, 1, , 2].sort((x, y) => x - y)); // expect: [ 1, 2, 3, undefined, <1 empty item> ]
const people = [
  { n: "b", a: 2 },
  { n: "a", a: 1 },
  { n: "c", a: 2 },
  { n: "d", a: 1 },
];
console.log(people.sort((x, y) => x.a - y.a).map((p) => p.n).join("")); // expect: adbc
const calls = [];
[3, 1, 2].sort((x, y) => {
  calls.push(`${x}${y}`);
  return x - y;
});
console.log(calls.join(" ")); // expect: 13 21 23 21
console.log([1, 2, 3, 4, 5].sort(() => -1), [3, 1, 2].sort((x, y) => x > y)); // expect: [ 5, 4, 3, 2, 1 ] [ 3, 1, 2 ]
const many = [];
for (let i = 0; i < 200; i++) many.push({ key: (i * 37) % 50, at: i });
const sortedMany = many.toSorted((x, y) => x.key - y.key);
let stable = true;
for (let i = 1; i < sortedMany.length; i++)
  if (sortedMany[i - 1].key === sortedMany[i].key && sortedMany[i - 1].at > sortedMany[i].at) stable = false;
console.log(sortedMany[0].key, sortedMany[199].key, stable, many[0].at === 0); // expect: 0 49 true true
const keep = [3, 1, 2];
try {
  keep.sort((x, y) => {
    if (x === 2 || y === 2) throw new Error("no");
    return x - y;
  });
} catch (e) {
  console.log(e.message, keep); // expect: no [ 3, 1, 2 ]
}
console.log([2, , 1].toSorted((x, y) => x - y), [10, 9, 1].sort()); // expect: [ 1, 2, undefined ] [ 1, 10, 9 ]
try {
  [1].sort(5);
} catch (e) {
  console.log(e.message); // expect: The comparison function must be either a function or undefined
}

// Array.from with a map function: iterables (lazily, interleaved with the calls), array-likes.
const order = [];
function* gen() {
  for (let i = 0; i < 3; i++) {
    order.push(`yield ${i}`);
    yield i;
  }
}
console.log(Array.from(gen(), (x, i) => {
  order.push(`map ${x}`);
  return x * i;
})); // expect: [ 0, 1, 4 ]
console.log(order.join(", ")); // expect: yield 0, map 0, yield 1, map 1, yield 2, map 2
console.log(Array.from({ length: 3, 1: "b" }, (v, i) => `${i}${v}`)); // expect: [ '0undefined', '1b', '2undefined' ]
console.log(Array.from("héllo", (c) => c.toUpperCase()).join(""), Array.from(new Map([["k", 1]]), ([k, v]) => k + v)); // expect: HÉLLO [ 'k1' ]
console.log(Array.from([1, 2], function (x) { return x + this.d; }, { d: 0.5 }), Array.from(7, (x) => x)); // expect: [ 1.5, 2.5 ] []

// Map and Set forEach: entries added during the walk are visited, deleted ones are not.
const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
const walked = [];
m.forEach((v, k, map) => {
  walked.push(`${k}=${v}`);
  if (k === "a") {
    map.delete("b");
    map.set("d", 4);
  }
});
console.log(walked.join(" ")); // expect: a=1 c=3 d=4
const s = new Set([1, 2]);
const setWalk = [];
s.forEach(function (v, k, set) {
  setWalk.push(v + k + this.base);
  if (v === 1) set.add(3);
}, { base: 100 });
console.log(setWalk); // expect: [ 102, 104, 106 ]

// replace and replaceAll with a function: string and RegExp patterns, captures, groups.
console.log("a-b-c".replace("-", (match, at, str) => `[${match}${at}${str.length}]`)); // expect: a[-15]b-c
console.log("a-b-c".replaceAll("-", (match, at) => at), "abc".replaceAll("", () => ".")); // expect: a1b3c .a.b.c.
console.log("2024-01-02".replace(/(\d+)-(\d+)/, (m0, y, mo, at) => `${mo}/${y}@${at}`)); // expect: 01/2024@0-02
console.log("x1y22".replace(/(?<n>\d+)/g, (...args) => JSON.stringify(args.slice(1)))); // expect: x["1",1,"x1y22",{"n":"1"}]y["22",3,"x1y22",{"n":"22"}]
console.log("aaa".replace(/a*?/g, () => "-"), "héllo wörld".replace(/ö|é/g, (c) => c.toUpperCase())); // expect: -a-a-a- hÉllo wÖrld
console.log("1234".replace("23", (x) => x * 2), "ab".replace("b", () => ({ toString: () => "B" }))); // expect: 1464 aB
const sticky = /b/y;
sticky.lastIndex = 1;
console.log("abb".replace(sticky, (x) => x.toUpperCase()), sticky.lastIndex); // expect: aBb 2
try {
  "abc".replaceAll(/b/, () => "x");
} catch (e) {
  console.log(e.message); // expect: String.prototype.replaceAll called with a non-global RegExp argument
}

// The methods are still natives to the program.
console.log(String([].map), [].forEach.name, [].reduce.length, Array.from.length, new Map().forEach.name); // expect: function map() { [native code] } forEach 1 1 forEach
console.log("".replace.length, [].sort.length, Object.keys([].find)); // expect: 2 1 []
try {
  [1].forEach(5);
} catch (e) {
  console.log(e.message); // expect: 5 is not a function
}
try {
  [1].map({});
} catch (e) {
  console.log(e.message); // expect: #<Object> is not a function
}
try {
  new Set([1]).forEach("x");
} catch (e) {
  console.log(e.message); // expect: string "x" is not a function
}
