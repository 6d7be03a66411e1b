// A bank keeps balances in 'bal'; v2 renames the field to 'cents' everywhere. The differ
// recognizes the rename, so live balances move over.
class Account {
  constructor(owner, bal) {
    this.owner = owner;
    this.bal = bal;
  }

  deposit(amount) {
    this.bal += amount;
    return this;
  }

  withdraw(amount) {
    if (amount > this.bal) throw new Error("insufficient funds");
    this.bal -= amount;
    return this;
  }

  toString() {
    return `${this.owner}:${this.bal}`;
  }
}

class Bank {
  constructor() {
    this.accounts = new Map();
  }

  open(owner, bal) {
    const a = new Account(owner, bal);
    this.accounts.set(owner, a);
    return a;
  }

  total() {
    let t = 0;
    for (const a of this.accounts.values()) t += a.bal;
    return t;
  }
}

const bank = new Bank();
const ann = bank.open("ann", 100).deposit(50);
bank.open("bob", 300).withdraw(120);
console.log(`${[...bank.accounts.values()].join(" ")} total=${bank.total()}`);
