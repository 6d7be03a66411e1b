// A wallet keeps its balance private.
class Wallet {
  #cents = 0;
  owner;

  constructor(owner) {
    this.owner = owner;
  }

  earn(n) {
    this.#cents += n;
    return this;
  }

  balance() {
    return this.#cents;
  }

  static richer(a, b) {
    return a.#cents > b.#cents ? a : b;
  }
}

const w = new Wallet("ann").earn(30);
const keep = { w };
console.log(w.balance(), Wallet.richer(w, new Wallet("bob")).owner);
