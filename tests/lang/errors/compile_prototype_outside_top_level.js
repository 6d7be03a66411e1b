// A prototype assignment inside a function would add a method at run time, which the
// implicit class cannot follow: a compile error naming the supported form.
function Shape(kind) {
  this.kind = kind;
}
function install() {
  Shape.prototype.area = function () {
    return 0;
  };
}
install();
// expect compile error: 7:3: assigning to a prototype is supported only for a constructor function, as a top-level statement `P.prototype.name = function (…) {…}` of the module that declares `function P` (decision 0018)
