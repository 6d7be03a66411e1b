// A point read from a pair, and moved by another.
class P {
  constructor(pair) {
    [this.a, this.b] = pair;
  }

  move(delta) {
    [this.a, [this.b]] = [this.a + delta[0], [this.b + delta[1]]];
    ({ dx: this.a = 0 } = { dx: this.a * 2 });
    return this;
  }

  toString() {
    return `(${this.a}, ${this.b})`;
  }
}

const p = new P([1, 2]).move([3, 4]);
console.log(String(p), p.a);
