// Every callback method gives the same answers whether its callback is a leaf (it calls
// nothing and loops nowhere, so the native half calls it) or not (the hosted body calls it,
// decision 0019): each case runs with both, `framed(f)` wrapping f in a call.
const framed = (f) =>
  function (...args) {
    return f.apply(this, args);
  };
const holes = [5, , 7, undefined, 9];
const scale = { k: 10 };
for (const wrap of [(f) => f, framed]) {
  const seen = [];
  holes.forEach(wrap((x, i) => (seen[seen.length] = `${i}:${x}`)));
  console.log(seen.join(" "));
  // expect: 0:5 2:7 3:undefined 4:9
  // expect: 0:5 2:7 3:undefined 4:9
}
for (const wrap of [(f) => f, framed]) {
  console.log(
    holes.map(wrap((x) => x * 2)),
    holes.filter(wrap((x) => x !== 7)),
    holes.map(wrap(function (x) { return this.k * x; }), scale)
  );
  // expect: [ 10, <1 empty item>, 14, NaN, 18 ] [ 5, undefined, 9 ] [ 50, <1 empty item>, 70, NaN, 90 ]
  // expect: [ 10, <1 empty item>, 14, NaN, 18 ] [ 5, undefined, 9 ] [ 50, <1 empty item>, 70, NaN, 90 ]
}
for (const wrap of [(f) => f, framed]) {
  console.log(
    holes.some(wrap((x) => x === undefined)),
    holes.every(wrap((x) => x > 4)),
    holes.find(wrap((x) => x === undefined)),
    holes.findIndex(wrap((x) => x === undefined)),
    holes.findLast(wrap((x) => x < 8)),
    holes.findLastIndex(wrap((x) => x === undefined))
  );
  // expect: true false undefined 1 7 3
  // expect: true false undefined 1 7 3
}
for (const wrap of [(f) => f, framed]) {
  console.log(
    holes.reduce(wrap((s, x) => s + (x || 0))),
    holes.reduceRight(wrap((s, x, i) => s + i), ""),
    [[1, , 2], 3].flatMap(wrap((x) => x)),
    [].reduce(wrap((s) => s), "empty")
  );
  // expect: 21 4320 [ 1, 2, 3 ] empty
  // expect: 21 4320 [ 1, 2, 3 ] empty
}
for (const wrap of [(f) => f, framed]) {
  const small = [3, 1, undefined, , 2];
  const big = [];
  for (let i = 0; i < 300; i++) big.push({ key: (i * 37) % 7, at: i });
  const byKey = big.toSorted(wrap((x, y) => x.key - y.key));
  let stable = true;
  for (let i = 1; i < byKey.length; i++)
    if (byKey[i - 1].key === byKey[i].key && byKey[i - 1].at > byKey[i].at) stable = false;
  console.log(small.sort(wrap((x, y) => y - x)), byKey[0].key, byKey[299].key, stable);
  // expect: [ 3, 2, 1, undefined, <1 empty item> ] 0 6 true
  // expect: [ 3, 2, 1, undefined, <1 empty item> ] 0 6 true
}
for (const wrap of [(f) => f, framed]) {
  const m = new Map([["a", 1], ["b", 2]]);
  const out = [];
  m.forEach(wrap(function (v, k) { out[out.length] = k + v * this.k; }), scale);
  new Set([4, 5]).forEach(wrap((v, k, s) => (out[out.length] = v + k + s.size)));
  console.log(out.join(" "));
  // expect: a10 b20 10 12
  // expect: a10 b20 10 12
}
for (const wrap of [(f) => f, framed]) {
  try {
    [1, 2].map(wrap((x) => x.y.z));
  } catch (e) {
    console.log(e instanceof TypeError, e.message);
  }
  // expect: true Cannot read properties of undefined (reading 'z')
  // expect: true Cannot read properties of undefined (reading 'z')
}
// Long sorts: past the native half's limit for leaf comparators, the hosted body sorts.
const many = [];
for (let i = 0; i < 140000; i++) many.push((i * 7919) % 140009);
const ascending = many.toSorted((x, y) => x - y);
let ordered = true;
for (let i = 1; i < ascending.length; i++) if (ascending[i - 1] > ascending[i]) ordered = false;
console.log(ordered, ascending[0], ascending[139999]); // expect: true 0 140008
