class Account {
  owner = "";
  bal = 0;
  deposit(x) {
    this.bal += x;
  }
}
