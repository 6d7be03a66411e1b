// The differ cannot know what the inherited 'entries' of a live savings account should
// hold (REVIEW): the ledger starts with the balance as its opening entry.
module.exports = function (dsu) {
  dsu.setFieldPolicy("Savings", "entries", (oldObj) => [oldObj.cents]);
};
