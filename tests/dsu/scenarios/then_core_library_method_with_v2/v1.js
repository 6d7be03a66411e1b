// An inventory report. v2 calls a new Array method 'sum' that the patch adds to the core
// library's Array class in the same transaction; existing arrays get it too.
class Bin {
  constructor(name, counts) {
    this.name = name;
    this.counts = counts;
  }

  total() {
    let t = 0;
    for (const c of this.counts) t += c;
    return t;
  }
}

const bins = [new Bin("a", [1, 2, 3]), new Bin("b", [10, 20])];
const countsOfA = bins[0].counts;
console.log(bins.map((b) => `${b.name}=${b.total()}`).join(" "));
