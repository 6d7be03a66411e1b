class Account {
  constructor() {
    this.bal = 0;
  }
  deposit(x) {
    this.bal += x;
  }
  withdraw(x) {
    this.bal -= x;
  }
}
