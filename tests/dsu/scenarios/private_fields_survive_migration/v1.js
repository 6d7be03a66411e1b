// Wallets keep their secrets in private fields.
class Wallet {
  #pin;
  #balance = 0;
  #history = [];

  constructor(owner, pin) {
    this.owner = owner;
    this.#pin = pin;
  }

  deposit(cents) {
    this.#balance += cents;
    this.#history.push(`+${cents}`);
  }

  unlock(pin) {
    return pin === this.#pin;
  }

  get balance() {
    return this.#balance;
  }

  statement() {
    return `${this.owner}: ${this.#history.join(" ")} = ${this.#balance}`;
  }
}

const wallets = [new Wallet("ada", 1234), new Wallet("bob", 9999)];
wallets[0].deposit(500);
wallets[0].deposit(250);
wallets[1].deposit(42);
console.log(wallets.map((w) => w.statement()).join("; "));
