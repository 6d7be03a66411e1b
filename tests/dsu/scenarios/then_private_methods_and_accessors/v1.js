// Private methods, static private methods and private accessors whose bodies a new version
// changes: each must update (they were refused: "the new version of 'Ledger' has no method").
class Ledger {
  #entries = [];
  static #made = 0;
  constructor() {
    Ledger.#made++;
  }
  #clean(text) {
    return text.trim();
  }
  static #header() {
    return "ledger v1";
  }
  get #total() {
    return this.#entries.length;
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
