// The user's patch names a class the program does not have (a typo).
module.exports = function (dsu) {
  dsu.addInstanceVariable("Prodcut", "reserved", dsu.constant(1));
};
