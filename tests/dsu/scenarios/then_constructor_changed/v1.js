// Bank accounts: v2's constructor gives new accounts a welcome bonus and an id prefix.
// Accounts opened under v1 keep their state; accounts opened after the update use v2's
// constructor.
let nextId = 1;

class Account {
  constructor(owner, cents) {
    this.id = nextId++;
    this.owner = owner;
    this.cents = cents;
  }

  toString() {
    return `#${this.id} ${this.owner} ${this.cents}`;
  }
}

const accounts = [new Account("ann", 100), new Account("bob", 0)];
console.log(accounts.join(" | "));
