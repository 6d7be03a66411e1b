module.exports = function (dsu) {
  dsu.setFieldPolicy("Product", "price", (oldObj, newObj) => Math.round(oldObj.price * 100));
};
