// A bank: v2 gives every account a currency. The declared default is "EUR", but the
// user's patch knows better for accounts opened in the US branch.
class Account {
  constructor(owner, branch, cents) {
    this.owner = owner;
    this.branch = branch;
    this.cents = cents;
  }

  describe() {
    return `${this.owner}: ${this.cents}`;
  }
}

const accounts = [new Account("ann", "paris", 1000), new Account("bob", "boston", 2500)];
const first = accounts[0];
console.log(accounts.map((a) => a.describe()).join("; "));
