// obj.constructor, C.name and comparing classes.
class Vehicle {
  constructor(wheels) {
    this.wheels = wheels;
  }
  describe() {
    return `${this.constructor.name} with ${this.wheels} wheels`;
  }
  clone() {
    return new this.constructor(this.wheels);
  }
}
class Car extends Vehicle {
  constructor() {
    super(4);
  }
}
class Bike extends Vehicle {
  constructor() {
    super(2);
  }
}

const items = [new Car(), new Bike(), new Vehicle(3)];
for (const v of items) console.log(v.describe());
// expect: Car with 4 wheels
// expect: Bike with 2 wheels
// expect: Vehicle with 3 wheels

const c2 = items[0].clone();
console.log(c2.constructor === Car, c2 instanceof Vehicle); // expect: true true
console.log(Car.name, Bike.name, Vehicle.name); // expect: Car Bike Vehicle
console.log(items[1].constructor === Vehicle); // expect: false
