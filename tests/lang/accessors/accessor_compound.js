// Compound assignment and increment through a getter/setter pair.
class Counter {
  #n = 0;
  writes = 0;
  get n() {
    return this.#n;
  }
  set n(v) {
    this.writes++;
    this.#n = v;
  }
}

const c = new Counter();
c.n += 5;
c.n++;
++c.n;
c.n *= 2;
c.n -= 1;
console.log(c.n, c.writes); // expect: 13 5
const old = c.n--;
console.log(old, c.n, c.writes); // expect: 13 12 6
c.n ||= 100;
console.log(c.n, c.writes); // expect: 12 6
c.n = 0;
c.n ||= 100;
console.log(c.n, c.writes); // expect: 100 8
