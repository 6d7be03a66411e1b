// Adds a getter but spells its kind "get": rejected at the call with the valid kinds, exit 2.
module.exports = function (dsu) {
  dsu.addMethod("Product", "empty", function () {
    return this.stock === 0;
  }, "get");
};
