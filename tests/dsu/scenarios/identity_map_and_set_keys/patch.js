// Both classes are migrated; the objects used as Map keys, Map values and Set members are
// replaced by new ones, so lookups by identity must still find them.
module.exports = function (dsu) {
  dsu.addInstanceVariable("User", "lastSeen", dsu.constant(0));
  dsu.addInstanceVariable("Session", "expires", dsu.constant(3600));
};
