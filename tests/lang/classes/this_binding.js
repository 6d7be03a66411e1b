// `this` in methods, arrow functions inside methods, and extracted methods.
class Counter {
  constructor() {
    this.count = 0;
  }
  increment() {
    this.count++;
    return this.count;
  }
  incrementLater() {
    return () => this.increment();
  }
  addAll(values) {
    values.forEach((v) => {
      this.count += v;
    });
    return this.count;
  }
  whoAmI() {
    return this === undefined ? "undefined" : "counter";
  }
}

const c = new Counter();
c.increment();
const later = c.incrementLater();
console.log(later(), later()); // expect: 2 3
console.log(c.addAll([10, 20])); // expect: 33

const extracted = c.whoAmI;
console.log(c.whoAmI()); // expect: counter
console.log(extracted()); // expect: undefined

const inc = c.increment;
try {
  inc();
} catch (e) {
  console.log(e instanceof TypeError); // expect: true
}
console.log(c.count); // expect: 33
