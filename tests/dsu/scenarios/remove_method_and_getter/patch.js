// Removes a method and a getter; the rest of the class keeps working.
module.exports = function (dsu) {
  dsu.removeMethod("Cache", "debugDump");
  dsu.removeMethod("Cache", "legacyCount", "getter");
};
