// A class defined by a class expression gets a field with a declared initializer: its
// live instances are migrated (the layout changes) and take the initializer's value.
const Stepper = class {
  constructor(start) {
    this.at = start;
  }

  next() {
    this.at += 1;
    return this.at;
  }
};

const steppers = [new Stepper(0), new Stepper(10)];
const first = steppers[0];
console.log(steppers.map((s) => s.next()).join(" "));
