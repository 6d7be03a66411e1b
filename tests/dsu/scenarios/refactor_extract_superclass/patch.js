// molt refactor extract-superclass Colored Circle,Square color label
// Extracted superclass Colored of Circle,Square (fields color, methods label).
module.exports = function (dsu) {
  dsu.addClass("Colored");
  // Fields are matched by name over the whole new layout: every live instance keeps
  // the values of the fields that moved to Colored.
  dsu.changeSuperclass("Circle", "Colored");
  dsu.setFieldPolicy("Circle", "color", (oldObj) => oldObj.color);
  dsu.changeSuperclass("Square", "Colored");
  dsu.setFieldPolicy("Square", "color", (oldObj) => oldObj.color);
};
