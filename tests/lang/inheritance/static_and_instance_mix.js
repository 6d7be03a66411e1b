// Subclass overriding a static method that the parent's instance method uses via constructor.
class Shape {
  static sides() {
    return 0;
  }
  describe() {
    return `${this.constructor.name} has ${this.constructor.sides()} sides`;
  }
}
class Triangle extends Shape {
  static sides() {
    return 3;
  }
}
class Square extends Shape {
  static sides() {
    return super.sides() + 4;
  }
}
class Blob extends Shape {}

for (const s of [new Shape(), new Triangle(), new Square(), new Blob()]) console.log(s.describe());
// expect: Shape has 0 sides
// expect: Triangle has 3 sides
// expect: Square has 4 sides
// expect: Blob has 0 sides
console.log(Square.sides === Triangle.sides); // expect: false
console.log(Blob.sides === Shape.sides); // expect: true
