// Removes a field. keepAlive() is not replaced, but it belongs to a class that loses a field
// (its code may read it), so it is an affected method: the thread never leaves it, and the
// update rolls back after the 100 ms safe-point timeout, naming it.
module.exports = function (dsu) {
  dsu.removeInstanceVariable("Connection", "legacyToken");
  dsu.replaceMethod("Connection", "describe", function () {
    return this.host;
  });
};
