class Account {
  bal = 0;
  deposit(x) { this.bal += x; }
}
const a = new Account();
a.deposit(5);
