// Map keys: objects by identity, primitives by SameValueZero (NaN equals NaN, -0 equals 0).
class Key {
  constructor(id) {
    this.id = id;
  }
}
const k1 = new Key(1);
const k2 = new Key(1);
const m = new Map([[k1, "first"]]);
console.log(m.get(k1), m.get(k2), m.has(k2)); // expect: first undefined false
m.set(NaN, "not a number");
console.log(m.get(NaN), m.get(0 / 0)); // expect: not a number not a number
m.set(0, "zero");
console.log(m.get(-0), m.has(-0)); // expect: zero true
m.set(-0, "negative zero");
console.log(m.get(0), m.size); // expect: negative zero 3
const arrKey = [1, 2];
m.set(arrKey, "array");
console.log(m.get(arrKey), m.get([1, 2])); // expect: array undefined
m.set("1", "string one").set(1, "number one");
console.log(m.get("1"), m.get(1), m.size); // expect: string one number one 6
console.log(new Map([[null, "n"], [undefined, "u"]]).get(null)); // expect: n
