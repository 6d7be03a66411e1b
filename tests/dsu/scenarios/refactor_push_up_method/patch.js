// molt refactor push-up-method Square label
// Pushed method label up from Square to Shape.
module.exports = function (dsu) {
  // Code only: live instances keep their state; the method is now inherited.
  dsu.addMethod("Shape", "label");
  dsu.removeMethod("Circle", "label");
  dsu.removeMethod("Square", "label");
};
