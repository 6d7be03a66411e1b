// The new version changes a method and adds bindings and a static whose initializers use
// the class: an instance, a Map keyed by the class, a list of classes, a function bound to
// a method. Made while the new version was staged, they name the staged class; the class
// is updated in place, and after the update they name the live one.
class Point {
  static ZERO = new Point(0, 0);

  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  sum() {
    return (this.x + this.y) * 10;
  }
}

const pts = [new Point(1, 2), new Point(3, 4)];
const origin = new Point(5, 5);
const kinds = new Map([[Point, "point"]]);
const classes = [Point];
const summed = origin.sum;
console.log(pts.map((p) => p.sum()).join(" "));
