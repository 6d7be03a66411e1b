// Declares the rename with a conversion, and checks the result before the swap.
module.exports = function (dsu) {
  dsu.renameInstanceVariable("Account", "balance", "cents");
  dsu.setFieldPolicy("Account", "cents", (oldObj) => Math.round(oldObj.balance * 100));
  dsu.addValidation("cents are integers", (oldNs, newNs) =>
    newNs.allInstances("Account").every((a) => Number.isInteger(a.cents)));
  dsu.addValidation("no money lost", (oldNs, newNs) => {
    const before = oldNs.allInstances("Account").reduce((t, a) => t + a.balance, 0);
    const after = newNs.allInstances("Account").reduce((t, a) => t + a.cents, 0);
    return Math.round(before * 100) === after;
  });
};
