class Counter {
  #n = 0;
  get n() {
    return this.#n;
  }
  set n(v) {
    this.#n = v;
  }
  constructor(pair) {
    [this.lo, { hi: this.hi = 9 }, ...this.rest] = pair;
  }
  bump() {
    --this.n;
    [this.n] = [this.n + 2];
    return this.n;
  }
}

const c = new Counter([1, 2]);
console.log(c.bump());
