// Subclasses call super(...) and override methods.
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return `${this.name} makes a noise.`;
  }
  intro() {
    return `I am ${this.name}. ${this.speak()}`;
  }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
  }
  speak() {
    return `${this.name} barks.`;
  }
}
class Cat extends Animal {}

const d = new Dog("Rex", "collie");
const c = new Cat("Tom");
console.log(d.intro()); // expect: I am Rex. Rex barks.
console.log(c.intro()); // expect: I am Tom. Tom makes a noise.
console.log(d); // expect: Dog { name: 'Rex', breed: 'collie' }
console.log(c); // expect: Cat { name: 'Tom' }
console.log(d instanceof Dog, d instanceof Animal, d instanceof Cat); // expect: true true false
