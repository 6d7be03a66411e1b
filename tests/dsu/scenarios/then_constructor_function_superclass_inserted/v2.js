// Constructor-function inheritance: v2 inserts Round between Shape and Circle
// (`Circle.prototype = Object.create(Round.prototype)`) and changes Shape's describe. The
// live circle becomes a Round (its new field 'smooth' is undefined, as for any field a
// constructor adds) and runs the new inherited describe.
function Shape(name) {
  this.name = name;
}
Shape.prototype.describe = function () {
  return this.name + "!";
};

function Round(name) {
  Shape.call(this, name);
  this.smooth = true;
}
Round.prototype = Object.create(Shape.prototype);
Round.prototype.constructor = Round;
Round.prototype.isRound = function () {
  return this.smooth;
};

function Circle(r) {
  Round.call(this, "circle");
  this.r = r;
}
Circle.prototype = Object.create(Round.prototype);
Circle.prototype.constructor = Circle;

const c = new Circle(2);
console.log(c.describe());
