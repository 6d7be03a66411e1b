// The differ cannot pair 'hp' with 'health' (every member using it changed, and 'shield'
// is new too): the user declares the rename and gives live players a shield.
module.exports = function (dsu) {
  dsu.renameInstanceVariable("Player", "hp", "health");
  dsu.addInstanceVariable("Player", "shield", dsu.constant(2));
};
