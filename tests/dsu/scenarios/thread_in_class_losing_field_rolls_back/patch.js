// Removes a field. keepAlive() is not replaced, but it belongs to a class that loses a field
// (its code may read it), so it is an affected method. Its frame could move to the new code
// at the loop's back-edge, but that code still reads the removed field: the update rolls
// back at once, naming the frame and the field.
module.exports = function (dsu) {
  dsu.removeInstanceVariable("Connection", "legacyToken");
  dsu.replaceMethod("Connection", "describe", function () {
    return this.host;
  });
};
