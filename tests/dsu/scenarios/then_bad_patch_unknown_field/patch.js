// The user's patch gives a policy for a field the new version of Product does not have.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "reserved", dsu.constant(1));
  dsu.setFieldPolicy("Product", "onHold", (oldObj) => 0);
};
