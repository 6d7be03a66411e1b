// Setters backed by private fields, throwing on invalid input.
class Percentage {
  #value = 0;
  get value() {
    return this.#value;
  }
  set value(v) {
    if (typeof v !== "number" || Number.isNaN(v)) throw new TypeError(`not a number: ${v}`);
    if (v < 0 || v > 100) throw new RangeError(`out of range: ${v}`);
    this.#value = v;
  }
  toString() {
    return `${this.#value}%`;
  }
}

const p = new Percentage();
for (const v of [50, 150, "x", -1, 99.5]) {
  try {
    p.value = v;
    console.log("set", String(p));
  } catch (e) {
    console.log(e.name + ":", e.message);
  }
}
// expect: set 50%
// expect: RangeError: out of range: 150
// expect: TypeError: not a number: x
// expect: RangeError: out of range: -1
// expect: set 99.5%
console.log(p.value); // expect: 99.5
