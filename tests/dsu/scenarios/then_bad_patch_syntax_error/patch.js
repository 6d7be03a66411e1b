// A typo in the user's patch: a missing closing parenthesis.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Product", "reserved", dsu.constant(1);
};
