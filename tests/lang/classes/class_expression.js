// Class expressions, named and anonymous, and classes passed around as values.
const Animal = class {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return `${this.name} makes a sound`;
  }
};

const Named = class Inner {
  who() {
    return Inner.name;
  }
};

function makeCounterClass(start) {
  return class {
    constructor() {
      this.value = start;
    }
    next() {
      this.value += 1;
      return this.value;
    }
  };
}

console.log(new Animal("Rex").speak()); // expect: Rex makes a sound
console.log(Animal.name); // expect: Animal
console.log(Named.name, new Named().who()); // expect: Inner Inner
const C10 = makeCounterClass(10);
const c = new C10();
c.next();
console.log(c.next()); // expect: 12
const C0 = makeCounterClass(0);
console.log(new C0().next(), C10 === C0); // expect: 1 false
console.log(c instanceof C10, c instanceof C0); // expect: true false
