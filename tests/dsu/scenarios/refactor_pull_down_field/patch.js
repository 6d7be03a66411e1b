// molt refactor pull-down-field Shape color
// Pulled field color down from Shape to Circle,Square.
module.exports = function (dsu) {
  // Live instances of Shape itself drop 'color'; the subclasses' keep it.
  dsu.setFieldPolicy("Circle", "color", (oldObj) => oldObj.color);
  dsu.setFieldPolicy("Square", "color", (oldObj) => oldObj.color);
};
