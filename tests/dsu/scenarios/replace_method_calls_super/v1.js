// A three-level hierarchy where each level decorates its parent's description.
class Animal {
  constructor(name, sound) {
    this.name = name;
    this.sound = sound;
  }

  describe() {
    return `${this.name} says ${this.sound}`;
  }
}

class Dog extends Animal {
  constructor(name) {
    super(name, "woof");
  }

  describe() {
    return `dog ${this.name}`;
  }
}

class Puppy extends Dog {
  describe() {
    return `${super.describe()} (puppy)`;
  }
}

const pets = [new Animal("generic", "..."), new Dog("rex"), new Puppy("bit")];
console.log(pets.map((p) => p.describe()).join(" | "));
