// The rule of then_static_initializer_reads_live_static for a private static and for a
// class bound by `const K = class { ... }`: new statics read the live values, whatever
// their place in the class (a new static declared before the kept one sees it too), and
// the statics keep their source order.
class Meter {
  static average = Meter.reads * 10;
  static reads = 0;
  static #peak = 5;
  static ceiling = Meter.#peak + 1;

  static read(v) {
    Meter.reads++;
    if (v > Meter.#peak) Meter.#peak = v;
  }

  static peak() {
    return Meter.#peak;
  }
}

const Shift = class {
  static hours = 8;
  static overtime = this.hours - 8;

  static extend() {
    Shift.hours += 2;
  }
};

[3, 9, 12].forEach((v) => Meter.read(v));
Shift.extend();
console.log(`reads ${Meter.reads} peak ${Meter.peak()} hours ${Shift.hours}`);
