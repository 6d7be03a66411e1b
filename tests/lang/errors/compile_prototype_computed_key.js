// Methods of a constructor function are read from the source, so a computed key is a
// compile error at the key, not a method that may or may not exist.
function Shape(kind) {
  this.kind = kind;
}
const name = "area";
Shape.prototype[name] = function () {
  return 0;
};
// expect compile error: 7:1: a computed key on Shape.prototype is not supported: methods of a constructor function are read from the source, so name them (Shape.prototype.name = function …)
