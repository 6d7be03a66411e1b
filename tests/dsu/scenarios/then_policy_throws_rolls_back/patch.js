// The conversion refuses negative balances by throwing in the middle of the migration
// (ann is already converted when cy's policy throws): nothing of it may survive.
module.exports = function (dsu) {
  dsu.setFieldPolicy("Account", "cents", (oldObj) => {
    if (oldObj.balance < 0) throw new RangeError(`negative balance for ${oldObj.owner}`);
    return Math.round(oldObj.balance * 100);
  });
};
