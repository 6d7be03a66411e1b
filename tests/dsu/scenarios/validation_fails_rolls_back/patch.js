// A buggy conversion to euros (it forgets the sign of debits). The validation catches it,
// so the update rolls back and the ledger is exactly as it was.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Entry", "euros", (oldObj) => Math.abs(oldObj.cents) / 100);
  dsu.removeInstanceVariable("Entry", "cents");
  dsu.replaceMethod("Entry", "format", function () {
    return `${this.label} EUR ${this.euros}`;
  });
  dsu.replaceMethod("Ledger", "balance", function () {
    return this.entries.reduce((s, e) => s + e.euros, 0);
  });
  dsu.addValidation("balance is unchanged", (oldNs, newNs) => {
    const before = oldNs.allInstances("Entry").reduce((s, e) => s + e.cents, 0);
    const after = newNs.allInstances("Entry").reduce((s, e) => s + e.euros * 100, 0);
    return before === after;
  });
};
