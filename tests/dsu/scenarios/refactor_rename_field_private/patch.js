// molt refactor rename-field Wallet #balance #cents
// Renamed field Wallet.#balance to #cents (4 uses).
module.exports = function (dsu) {
  // Every live Wallet (and subclass instance) keeps its value under the new name.
  dsu.renameInstanceVariable("Wallet", "#balance", "#cents");
};
