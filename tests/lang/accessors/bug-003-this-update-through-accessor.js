// bug-003: `this.n++` (and destructuring into `this.n`) inside the class that defines `n` as
// a getter/setter pair made `n` an inferred field, so the slot shadowed the accessor and
// the update read `undefined` (NaN). Only the plain and compound assignments were checked.
class C {
  #n = 1;
  get n() {
    return this.#n;
  }
  set n(v) {
    this.#n = v;
  }
  bump() {
    this.n++;
    return this.n;
  }
  pre() {
    return ++this.n;
  }
  down() {
    this.n--;
    --this.n;
    return this.n;
  }
  add() {
    this.n += 1;
    return this.n;
  }
  spread() {
    [this.n] = [5];
    return this.n;
  }
  pick(o) {
    ({ v: this.n } = o);
    return this.n;
  }
  loop() {
    for (this.n of [7, 8]);
    return this.n;
  }
}
console.log(new C().bump()); // expect: 2
console.log(new C().pre()); // expect: 2
console.log(new C().down()); // expect: -1
console.log(new C().add()); // expect: 2
console.log(new C().spread()); // expect: 5
console.log(new C().pick({ v: 6 })); // expect: 6
console.log(new C().loop()); // expect: 8
console.log(Object.keys(new C()).length); // expect: 0

// The accessor inherited from a superclass, one or two levels up.
class D extends C {
  more() {
    this.n++;
    this.n += 10;
    [this.n] = [this.n + 1];
    return this.n;
  }
}
console.log(new D().more()); // expect: 13
class E extends C {}
class F extends E {
  twice() {
    ++this.n;
    return ++this.n;
  }
}
console.log(new F().twice()); // expect: 3
console.log(Object.keys(new F()).length); // expect: 0
