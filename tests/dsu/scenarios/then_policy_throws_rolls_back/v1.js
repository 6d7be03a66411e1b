// A bank moving balances from euros (float 'balance') to integer 'cents' in v2.
class Account {
  constructor(owner, balance) {
    this.owner = owner;
    this.balance = balance;
  }

  show() {
    return `${this.owner} EUR ${this.balance.toFixed(2)}`;
  }
}

const accounts = [new Account("ann", 12.5), new Account("bob", 0.99), new Account("cy", -3)];
const ann = accounts[0];
console.log(accounts.map((a) => a.show()).join(", "));
