// A point read from a pair, and moved by another.
class P {
  constructor(pair) {
    [this.x, this.b] = pair;
  }

  move(delta) {
    [this.x, [this.b]] = [this.x + delta[0], [this.b + delta[1]]];
    ({ dx: this.x = 0 } = { dx: this.x * 2 });
    return this;
  }

  toString() {
    return `(${this.x}, ${this.b})`;
  }
}

const p = new P([1, 2]).move([3, 4]);
console.log(String(p), p.x);
