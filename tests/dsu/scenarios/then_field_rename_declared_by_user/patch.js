module.exports = function (dsu) {
  dsu.renameInstanceVariable("Cart", "items", "lines");
};
