// Many instances of one class stay independent.
class Account {
  constructor(owner, balance) {
    this.owner = owner;
    this.balance = balance;
    this.history = [];
  }
  deposit(n) {
    this.balance += n;
    this.history.push(`+${n}`);
  }
  withdraw(n) {
    if (n > this.balance) {
      this.history.push(`!${n}`);
      return false;
    }
    this.balance -= n;
    this.history.push(`-${n}`);
    return true;
  }
}

const accounts = ["ann", "bob", "cy"].map((o, i) => new Account(o, (i + 1) * 100));
accounts[0].deposit(50);
accounts[1].withdraw(500);
accounts[1].withdraw(20);
accounts[2].deposit(1);
accounts[2].withdraw(1);
for (const a of accounts) {
  console.log(`${a.owner}: ${a.balance} [${a.history.join(" ")}]`);
}
// expect: ann: 150 [+50]
// expect: bob: 180 [!500 -20]
// expect: cy: 300 [+1 -1]
const total = accounts.reduce((s, a) => s + a.balance, 0);
console.log(total); // expect: 630
console.log(accounts[0].history === accounts[1].history); // expect: false
