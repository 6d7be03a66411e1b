// molt refactor push-up-field Circle color
// Pushed field color up from Circle to Shape.
module.exports = function (dsu) {
  // Instances of Shape and of its other subclasses get the initializer's value;
  dsu.setFieldPolicy("Shape", "color", dsu.initializer(function () { return "red"; }));
  // live instances of the classes that declared it keep theirs.
  dsu.setFieldPolicy("Circle", "color", (oldObj) => oldObj.color);
  dsu.setFieldPolicy("Square", "color", (oldObj) => oldObj.color);
};
