// New behaviour: a method, a getter and a static factory. Subclass instances and the
// subclass itself see them through inheritance.
module.exports = function (dsu) {
  dsu.addMethod("Rect", "scale", function (k) {
    this.w *= k;
    this.h *= k;
    return this;
  });
  dsu.addMethod("Rect", "area", function () {
    return this.w * this.h;
  }, "getter");
  dsu.addMethod("Rect", "unit", function () {
    return new this(1, 1);
  }, "static");
};
