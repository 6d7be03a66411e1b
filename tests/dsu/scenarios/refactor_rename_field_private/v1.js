// A wallet keeps its balance private.
class Wallet {
  #balance = 0;
  owner;

  constructor(owner) {
    this.owner = owner;
  }

  earn(n) {
    this.#balance += n;
    return this;
  }

  balance() {
    return this.#balance;
  }

  static richer(a, b) {
    return a.#balance > b.#balance ? a : b;
  }
}

const w = new Wallet("ann").earn(30);
const keep = { w };
console.log(w.balance(), Wallet.richer(w, new Wallet("bob")).owner);
