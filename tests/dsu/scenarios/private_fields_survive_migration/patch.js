// Wallets get a public currency field, so every wallet is migrated to a new layout. The
// private state (pin, balance, history) is copied into the new objects and the unchanged
// methods that use it keep working.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Wallet", "currency", dsu.constant("EUR"));
};
