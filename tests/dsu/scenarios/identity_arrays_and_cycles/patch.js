// Every Task is migrated to a new layout. Identity numbers and every reference between
// tasks, from arrays and from nested arrays must reach the migrated objects.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Task", "done", dsu.constant(false));
};
