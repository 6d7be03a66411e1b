// A bank: one edit touches most kinds of change at once.
const TAX = 0.2;
let opened = 0;

class Base {
  id = 0;
}

class Account {
  bal = 0;
  note = "";
  constructor(owner) {
    this.owner = owner;
    opened++;
  }
  deposit(x) {
    this.bal += x;
  }
  withdraw(x) {
    this.bal -= x;
  }
  get balance() {
    return this.bal;
  }
  static bank = "Molt Bank";
  static fee = 1;
}

class Savings extends Account {
  rate = 0.01;
  interest() {
    return this.bal * this.rate;
  }
}

class Legacy {}

function fee(x) {
  return x * TAX;
}

const acct = new Account("ada");
acct.deposit(100);
