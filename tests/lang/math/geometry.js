// A vector class using Math functions.
class Vec2 {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  static fromAngle(deg, len = 1) {
    const rad = (deg * Math.PI) / 180;
    return new Vec2(Math.cos(rad) * len, Math.sin(rad) * len);
  }
  get length() {
    return Math.hypot(this.x, this.y);
  }
  get angle() {
    return (Math.atan2(this.y, this.x) * 180) / Math.PI;
  }
  add(o) {
    return new Vec2(this.x + o.x, this.y + o.y);
  }
  normalize() {
    const l = this.length;
    return new Vec2(this.x / l, this.y / l);
  }
  dot(o) {
    return this.x * o.x + this.y * o.y;
  }
  toString() {
    return `<${this.x.toFixed(2)}, ${this.y.toFixed(2)}>`;
  }
}

const v = new Vec2(3, 4);
console.log(v.length, String(v.normalize())); // expect: 5 <0.60, 0.80>
console.log(String(Vec2.fromAngle(90, 2)), Math.round(Vec2.fromAngle(135).angle)); // expect: <0.00, 2.00> 135
console.log(v.dot(new Vec2(-4, 3)), String(v.add(new Vec2(0.5, -0.25)))); // expect: 0 <3.50, 3.75>
const angles = [0, 45, 90, 180, 270].map((d) => Math.round(Vec2.fromAngle(d).angle));
console.log(angles); // expect: [ 0, 45, 90, 180, -90 ]
