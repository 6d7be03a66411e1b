// Balances are in cents now; the second validation insists they stay in euros. The first
// one sees the classes as the update leaves them: the patch's `Account` is the live class.
module.exports = function (dsu) {
  dsu.addValidation("the live class is the new one", (oldNs, newNs) =>
    newNs.get("Account") === Account && oldNs.get("Account") === Account &&
    newNs.allInstances("Savings").every((a) => a instanceof Account && a.balance() === 401));
  dsu.addValidation("balances stay in euros", (oldNs, newNs) => newNs.get("total")() < 100);
};
