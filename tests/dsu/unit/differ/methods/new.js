class Account {
  constructor(owner, bal) {
    this.owner = owner;
    this.bal = bal;
  }
  deposit(x) {
    if (x <= 0) throw new RangeError("deposit must be positive");
    this.bal += x;
  }
  withdraw(amount) {
    this.bal -= amount;
  }
  get balance() {
    return this.bal;
  }
  set balance(v) {
    this.bal = v;
  }
  static create(owner) {
    return new Account(owner, 0);
  }
  static get count() {
    return 0;
  }
  static set count(v) {}
  toString() {
    return `${this.owner}: ${this.bal}`;
  }
}
