// Shapes written with constructor functions and prototype inheritance, as older code is:
// Circle inherits from Shape through Object.create. v2 gives Shape a 'moves' field set in
// its constructor and changes Shape's describe; live circles are migrated (their inherited
// field is added, undefined as for any field a constructor adds) and run the new describe.
function Shape(name) {
  this.name = name;
}
Shape.prototype.describe = function () {
  return this.name + " of area " + this.area();
};
Shape.prototype.area = function () {
  return 0;
};

function Circle(r) {
  Shape.call(this, "circle");
  this.r = r;
}
Circle.prototype = Object.create(Shape.prototype);
Circle.prototype.constructor = Circle;
Circle.prototype.area = function () {
  return this.r * this.r * 3;
};

const shapes = [new Circle(1), new Circle(2), new Shape("blob")];
console.log(shapes.map((s) => s.describe()).join(", "));
