// Accessors run as ordinary frames: an assignment's value is the assigned value whatever
// the setter returns, exceptions cross accessor frames, accessors call accessors.
class Temperature {
  #celsius = 0;
  constructor(c) { this.#celsius = c; this.log = []; }
  get celsius() { return this.#celsius; }
  set celsius(v) {
    if (typeof v !== "number") throw new TypeError(`not a number: ${v}`);
    this.log.push(v);
    this.#celsius = v;
    return "ignored";
  }
  get fahrenheit() { return this.celsius * 9 / 5 + 32; }
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; }
}
const t = new Temperature(20);
const r = (t.celsius = 25);
console.log(r, t.celsius, t.fahrenheit); // expect: 25 25 77
t.fahrenheit = 212;
console.log(t.celsius, t.log.join(",")); // expect: 100 25,100
try {
  t.celsius = "hot";
} catch (e) {
  console.log(e.name, e.message); // expect: TypeError not a number: hot
}
let total = 0;
for (let i = 0; i < 1000; i++) {
  t.celsius = i;
  total += t.fahrenheit;
}
console.log(total, t.log.length); // expect: 931100 1002
const a = (t.celsius = t.fahrenheit = 50);
console.log(a, t.celsius); // expect: 50 50
