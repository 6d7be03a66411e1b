// molt refactor add-field Cart limit 10 --static
// Added static field Cart.limit.
module.exports = function (dsu) {
  // A new static: its initializer runs once.
  dsu.addStaticField("Cart", "limit");
};
