// Savings accounts extended Account; v2 makes them extend a new Ledger class that declares
// 'owner' and 'entries'. Fields are matched by name across the whole layout: 'owner'
// (inherited before, inherited from elsewhere now) and 'rate' keep their values.
class Account {
  constructor(owner) {
    this.owner = owner;
    this.cents = 0;
  }

  deposit(c) {
    this.cents += c;
  }
}

class Savings extends Account {
  constructor(owner, rate) {
    super(owner);
    this.rate = rate;
  }

  interest() {
    return Math.round(this.cents * this.rate);
  }
}

const s = new Savings("ann", 0.05);
s.deposit(1000);
const vault = { main: s };
console.log(`${s.owner} ${s.cents} ${s.interest()}`);
