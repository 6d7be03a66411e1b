// molt refactor rename-field Circle color hue --force
// Renamed field Circle.color to hue (2 uses).
module.exports = function (dsu) {
  // Every live Circle (and subclass instance) keeps its value under the new name.
  dsu.renameInstanceVariable("Circle", "color", "hue");
};
