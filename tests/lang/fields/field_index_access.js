// Fields read and written with computed keys.
class Matrix2 {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  set(name, value) {
    this[name] = value;
    return this;
  }
  det() {
    return this.a * this.d - this.b * this.c;
  }
}

const m = new Matrix2();
console.log(m.det()); // expect: 1
m.set("a", 3).set("b", 2).set("c", 1);
m["d"] = 4;
console.log(m.det()); // expect: 10
for (const k of ["a", "b", "c", "d"]) console.log(k, m[k]);
// expect: a 3
// expect: b 2
// expect: c 1
// expect: d 4
console.log(m); // expect: Matrix2 { a: 3, b: 2, c: 1, d: 4 }
