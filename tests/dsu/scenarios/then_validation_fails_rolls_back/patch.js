// Business rule: no negative balance may be migrated. cy is overdrawn: rolled back.
module.exports = function (dsu) {
  dsu.setFieldPolicy("Account", "cents", (oldObj) => Math.round(oldObj.balance * 100));
  dsu.addValidation("no overdrawn accounts", (oldNs, newNs) =>
    newNs.allInstances("Account").every((a) => a.cents >= 0));
};
