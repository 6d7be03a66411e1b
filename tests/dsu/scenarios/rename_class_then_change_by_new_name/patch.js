// Renames the class, then keeps changing it under its new name: a field and a method.
module.exports = function (dsu) {
  dsu.renameClass("Pt", "Point3");
  dsu.addInstanceVariable("Point3", "z", dsu.constant(0));
  dsu.replaceMethod("Point3", "toString", function () {
    return `(${this.x}, ${this.y}, ${this.z})`;
  });
  dsu.addMethod("Point3", "distanceTo", function (p) {
    return Math.hypot(p.x - this.x, p.y - this.y, p.z - this.z);
  });
};
