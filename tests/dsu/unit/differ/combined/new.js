// A bank: one edit touches most kinds of change at once.
const TAX = 0.25;
let opened = 0;
const LIMIT = 1000;

class Base {
  id = 0;
}

class Account extends Base {
  cents = 0;
  currency = "EUR";
  constructor(owner) {
    super();
    this.owner = owner;
    opened++;
  }
  deposit(x) {
    if (this.cents + x > LIMIT) throw new RangeError("over the limit");
    this.cents += x;
  }
  withdraw(x) {
    this.cents -= x;
  }
  get balance() {
    return this.cents;
  }
  static bank = "Molt Bank AG";
  static audit = [];
}

class Savings extends Account {
  rate = 0.01;
  interest() {
    return this.cents * this.rate;
  }
}

class Coupon {
  constructor(code) {
    this.code = code;
  }
}

function fee(x) {
  return x * TAX;
}

function describe(a) {
  return a.owner + ": " + a.balance;
}

const acct = new Account("ada");
acct.deposit(100);
console.log(describe(acct));
