// Static and instance members with the same name do not collide.
class Shape {
  static sides = 0;
  sides = -1;
  static describe() {
    return "static";
  }
  describe() {
    return "instance";
  }
  static make() {
    const s = new Shape();
    s.sides = Shape.sides + 3;
    return s;
  }
}

const s = Shape.make();
console.log(Shape.sides, s.sides); // expect: 0 3
console.log(Shape.describe(), s.describe()); // expect: static instance
console.log(new Shape().sides); // expect: -1
