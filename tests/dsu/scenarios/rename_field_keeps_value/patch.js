// bal -> balance; the running balances must survive, and the methods use the new name.
module.exports = function (dsu) {
  dsu.renameInstanceVariable("Account", "bal", "balance");
  dsu.replaceMethod("Account", "constructor", function (owner) {
    this.owner = owner;
    this.balance = 0;
  });
  dsu.replaceMethod("Account", "deposit", function (amount) {
    this.balance += amount;
    return this;
  });
  dsu.replaceMethod("Account", "withdraw", function (amount) {
    if (amount > this.balance) throw new RangeError("insufficient funds");
    this.balance -= amount;
    return this;
  });
  dsu.replaceMethod("Account", "toString", function () {
    return `${this.owner}: ${this.balance}`;
  });
};
