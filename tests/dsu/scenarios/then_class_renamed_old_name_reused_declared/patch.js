// The differ sees an unrelated Job and a new Task; the rename is stated here.
module.exports = function (dsu) {
  dsu.renameClass("Job", "Task");
};
