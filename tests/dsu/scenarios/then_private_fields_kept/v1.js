// A wallet hides its balance and history in private fields. v2 changes the methods and adds
// a public 'limit'; the private values of the live wallet survive the update.
class Wallet {
  #balance = 0;
  #history = [];

  constructor(owner) {
    this.owner = owner;
  }

  pay(amount) {
    this.#balance -= amount;
    this.#history.push(-amount);
  }

  earn(amount) {
    this.#balance += amount;
    this.#history.push(amount);
  }

  balance() {
    return this.#balance;
  }

  history() {
    return this.#history;
  }
}

const wallet = new Wallet("ann");
wallet.earn(100);
wallet.pay(30);
const history = wallet.history();
console.log(`${wallet.owner} ${wallet.balance()} [${history}]`);
