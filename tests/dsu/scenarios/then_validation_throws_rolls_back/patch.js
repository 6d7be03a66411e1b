// A validation that throws rolls the update back like one that fails, naming it.
module.exports = function (dsu) {
  dsu.setFieldPolicy("Account", "cents", (oldObj) => Math.round(oldObj.balance * 100));
  dsu.addValidation("audit log reachable", (oldNs, newNs) => {
    throw new Error("audit service down");
  });
};
