// molt refactor change-superclass Point Shape
// Point now extends Shape (was nothing).
module.exports = function (dsu) {
  // Fields are matched by name over the whole new layout: every field both layouts
  // have keeps its value in every live Point (and subclass instance).
  dsu.changeSuperclass("Point", "Shape");
  dsu.setFieldPolicy("Point", "x", (oldObj) => oldObj.x);
  dsu.setFieldPolicy("Point", "y", (oldObj) => oldObj.y);
  // Gained from Shape: live instances get 'name' from its initializer.
  dsu.setFieldPolicy("Point", "name", dsu.initializer(function () { return "shape"; }));
};
