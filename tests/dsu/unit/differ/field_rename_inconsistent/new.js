class Account {
  constructor() {
    this.cents = 0;
  }
  deposit(x) {
    this.cents += x;
  }
  withdraw(x) {
    this.amount -= x;
  }
}
