// Dogs were modelled as animals; the product now treats them as pets.
class Animal {
  constructor(name, legs) {
    this.name = name;
    this.legs = legs;
  }

  describe() {
    return `${this.name} (${this.legs} legs)`;
  }
}

class Pet {
  constructor(name, owner) {
    this.name = name;
    this.owner = owner;
  }

  describe() {
    return `${this.name}, owned by ${this.owner}`;
  }
}

class Dog extends Animal {
  breed = "mixed";

  describe() {
    return `${super.describe()}, a ${this.breed} dog`;
  }
}

const rex = new Dog("rex", 4);
rex.breed = "collie";
console.log(rex.describe(), rex instanceof Animal);
