// Molt only: Molt.classOf returns the class an instance was created from.
class Animal {
  constructor(name) {
    this.name = name;
  }
}
class Dog extends Animal {}
const Anon = class {};

const a = new Animal("generic");
const d = new Dog("rex");
console.log(Molt.classOf(a) === Animal, Molt.classOf(d) === Dog); // expect: true true
console.log(Molt.classOf(d) === Animal, Molt.classOf(d) === d.constructor); // expect: false true
console.log(Molt.classOf(d).name, Molt.classOf(new Anon()) === Anon); // expect: Dog true
const copy = new (Molt.classOf(d))("copy");
console.log(copy instanceof Dog, copy.name); // expect: true copy
