class Account {
  constructor(owner) {
    this.owner = owner;
    this.bal = 0;
  }
  deposit(x) {
    this.bal += x;
  }
  withdraw(x) {
    this.bal -= x;
  }
  legacy() {
    return "old";
  }
  get balance() {
    return this.bal;
  }
  static create(owner) {
    return new Account(owner);
  }
  static get count() {
    return 0;
  }
}
