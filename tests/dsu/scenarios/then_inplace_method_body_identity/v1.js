// A one-method edit through --then, to a class with live instances: the class object is
// updated in place, so no instance is copied (the report says so), the instances, the
// class and the method objects the program took out as values keep their identity, and
// the changed method's object runs the new code wherever it is held.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
    this.onSum = null;
  }

  sum() {
    return this.x + this.y;
  }

  norm() {
    return Math.abs(this.x) + Math.abs(this.y);
  }
}

const pts = [];
for (let i = 0; i < 10; i++) pts.push(new Point(i, 1));
const keep = pts[7];
const PointClass = Point;
const ids = pts.map((p) => Molt.identityOf(p));
const sum = keep.sum; // a changed method taken out as a value
const norm = keep.norm; // an unchanged one
keep.onSum = keep.sum; // stored in a field
const byMethod = new Map([[keep.sum, "sum"]]); // a method as a Map key
const total = () => pts.reduce((acc, p) => acc + p.sum(), 0); // call sites with warm caches
console.log(total(), keep.sum(), keep.norm());
