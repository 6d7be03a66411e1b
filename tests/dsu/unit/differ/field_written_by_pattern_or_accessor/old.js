class Counter {
  #n = 0;
  get n() {
    return this.#n;
  }
  set n(v) {
    this.#n = v;
  }
  constructor(pair) {
    [this.lo] = pair;
  }
  bump() {
    this.n++;
    return this.n;
  }
}

const c = new Counter([1, 2]);
console.log(c.bump());
