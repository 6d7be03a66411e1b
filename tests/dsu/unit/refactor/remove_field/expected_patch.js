// molt refactor remove-field Cart discount
// Removed unused field Cart.discount.
module.exports = function (dsu) {
  // No code uses it: the live values are dropped.
  dsu.removeInstanceVariable("Cart", "discount");
};
