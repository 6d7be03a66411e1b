// molt refactor pull-down-method Shape label
// Pulled method label down from Shape to Circle,Square.
module.exports = function (dsu) {
  // Code only: live instances keep their state; instances of Shape itself no longer answer 'label'.
  dsu.removeMethod("Shape", "label");
  dsu.addMethod("Circle", "label");
  dsu.addMethod("Square", "label");
};
