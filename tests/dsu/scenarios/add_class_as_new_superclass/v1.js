// Accounts with no common base class.
class Account {
  constructor(owner, balance) {
    this.owner = owner;
    this.balance = balance;
  }

  deposit(n) {
    this.balance += n;
  }
}

const accounts = [new Account("ada", 100), new Account("bob", 5)];
accounts[1].deposit(20);
console.log(accounts.map((a) => `${a.owner}=${a.balance}`).join(" "));
