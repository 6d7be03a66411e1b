class Account {
  bal = 0;
  deposit(x) {
    this.bal += x;
  }
}
