// A bank renames class Acct to Account (same body). Live accounts become Account
// instances with the same identity, wherever they are referenced.
class Acct {
  constructor(owner, cents) {
    this.owner = owner;
    this.cents = cents;
  }

  deposit(c) {
    this.cents += c;
    return this;
  }
}

const accounts = [new Acct("ann", 10), new Acct("bob", 20)];
const byOwner = new Map(accounts.map((a) => [a.owner, a]));
const ann = accounts[0].deposit(5);
console.log(accounts.map((a) => `${a.owner}=${a.cents}`).join(" "));
