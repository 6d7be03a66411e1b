// The new version changes a method and adds bindings and a static whose initializers use
// the class: an instance, a Map keyed by the class, a list of classes, a function bound to
// a method. Made while the new version was staged, they name the staged class; the class
// is updated in place, and after the update they name the live one.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  sum() {
    return this.x + this.y;
  }
}

const pts = [new Point(1, 2), new Point(3, 4)];
console.log(pts.map((p) => p.sum()).join(" "));
