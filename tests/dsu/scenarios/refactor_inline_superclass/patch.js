// molt refactor inline-superclass Colored
// Inlined superclass Colored into Circle,Square.
module.exports = function (dsu) {
  // Fields are matched by name over the whole new layout: every live instance of the
  // subclasses keeps its values. A live instance of Colored itself rolls the update back.
  dsu.changeSuperclass("Circle", "Shape");
  dsu.setFieldPolicy("Circle", "color", (oldObj) => oldObj.color);
  dsu.changeSuperclass("Square", "Shape");
  dsu.setFieldPolicy("Square", "color", (oldObj) => oldObj.color);
  dsu.removeClass("Colored");
};
