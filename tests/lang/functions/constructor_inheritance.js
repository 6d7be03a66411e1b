// Constructor-function inheritance: Object.create(S.prototype) makes S the superclass.
function Shape(name) {
  this.name = name;
  this.moves = 0;
}
Shape.prototype.describe = function () {
  return this.name + " with area " + this.area();
};
Shape.prototype.area = function () {
  return 0;
};
Shape.prototype.move = function () {
  this.moves++;
  return this;
};

function Circle(r) {
  Shape.call(this, "circle");
  this.r = r;
}
Circle.prototype = Object.create(Shape.prototype);
Circle.prototype.constructor = Circle;
Circle.prototype.area = function () {
  return Math.round(Math.PI * this.r * this.r);
};

function Square(side) {
  Shape.call(this, "square");
  this.side = side;
}
Square.prototype = Object.create(Shape.prototype);
Square.prototype.constructor = Square;
Square.prototype.area = function () {
  return this.side * this.side;
};
Square.prototype.describe = function () {
  return "[" + Shape.prototype.describe.call(this) + "]";
};

function ColoredSquare(side, color) {
  Square.call(this, side);
  this.color = color;
}
ColoredSquare.prototype = Object.create(Square.prototype);
ColoredSquare.prototype.constructor = ColoredSquare;

const shapes = [new Circle(2), new Square(3), new ColoredSquare(4, "red"), new Shape("blob")];
for (const s of shapes) console.log(s.describe());
const c = new Circle(1);
console.log(c instanceof Circle, c instanceof Shape, c instanceof Square);
const cs = shapes[2];
console.log(cs instanceof ColoredSquare, cs instanceof Square, cs instanceof Shape, cs instanceof Circle);
console.log(cs.constructor === ColoredSquare, c.constructor === Circle, c.constructor.name);
console.log(c.move().move().moves, c.name, c.r);
console.log(cs);
console.log(c);
console.log(Object.keys(cs).join(","));
console.log(typeof Circle, Circle.name, Circle.length, ColoredSquare.length);
console.log(JSON.stringify(cs));
// expect: circle with area 13
// expect: [square with area 9]
// expect: [square with area 16]
// expect: blob with area 0
// expect: true true false
// expect: true true true false
// expect: true true Circle
// expect: 2 circle 1
// expect: ColoredSquare { name: 'square', moves: 0, side: 4, color: 'red' }
// expect: Circle { name: 'circle', moves: 2, r: 1 }
// expect: name,moves,side,color
// expect: function Circle 1 2
// expect: {"name":"square","moves":0,"side":4,"color":"red"}
