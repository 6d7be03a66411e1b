// Version 2: the private members' bodies changed.
class Ledger {
  #entries = [];
  static #made = 0;
  constructor() {
    Ledger.#made++;
  }
  #clean(text) {
    return text.trim().toUpperCase();
  }
  static #header() {
    return "ledger v2";
  }
  get #total() {
    return this.#entries.length * 10;
  }
  add(text) {
    this.#entries.push(this.#clean(text));
    return this;
  }
  describe() {
    return `${Ledger.#header()}: ${this.#total} [${this.#entries.join(", ")}]`;
  }
}

const ledger = new Ledger().add("  tea ").add("mug  ");
console.log(ledger.describe());
