// molt refactor add-field Cart total 0 --existing "oldObj.items.length"
// Added field Cart.total.
module.exports = function (dsu) {
  // Live instances (and subclass instances) get total from the old object; new ones from the initializer.
  dsu.setFieldPolicy("Cart", "total", (oldObj, newObj) => (oldObj.items.length));
};
