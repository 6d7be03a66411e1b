// A hot method and a hot free function read `b` at slot 1 through their inline caches.
// Removing `a` moves `b` to slot 0 in the same class object and the same cells: the
// caches must not answer with slot 1 afterwards.
class Pair {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }

  twiceB() {
    return this.b * 2;
  }
}

function readB(p) {
  return p.b;
}

const pairs = [];
for (let i = 0; i < 4; i++) pairs.push(new Pair(i, 100 + i));
let sum = 0;
for (let k = 0; k < 200; k++) sum += pairs[k % 4].twiceB() + readB(pairs[k % 4]);
console.log(sum, pairs[3].twiceB(), readB(pairs[3]));
