// Bank accounts with a terse field name.
class Account {
  constructor(owner) {
    this.owner = owner;
    this.bal = 0;
  }

  deposit(amount) {
    this.bal += amount;
    return this;
  }

  withdraw(amount) {
    if (amount > this.bal) throw new RangeError("insufficient funds");
    this.bal -= amount;
    return this;
  }

  toString() {
    return `${this.owner}: ${this.bal}`;
  }
}

const accounts = [new Account("ada").deposit(100).withdraw(30), new Account("bob").deposit(250)];
console.log(accounts.join(", "));
