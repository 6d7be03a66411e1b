// Private fields are invisible from outside and not printed by console.log.
class BankAccount {
  #balance = 0;
  #log = [];
  constructor(owner, initial) {
    this.owner = owner;
    this.#balance = initial;
  }
  deposit(n) {
    if (n <= 0) throw new RangeError("deposit must be positive");
    this.#balance += n;
    this.#log.push(n);
  }
  get balance() {
    return this.#balance;
  }
  history() {
    return this.#log.slice();
  }
}

const acct = new BankAccount("zoe", 100);
acct.deposit(25);
acct.deposit(5);
console.log(acct.balance); // expect: 130
console.log(acct.history()); // expect: [ 25, 5 ]
console.log(acct); // expect: BankAccount { owner: 'zoe' }
console.log(Object.keys(acct)); // expect: [ 'owner' ]
try {
  acct.deposit(-1);
} catch (e) {
  console.log(e.name, e.message); // expect: RangeError deposit must be positive
}
console.log(acct.balance); // expect: 130
