// A patch script replaces private members by the names the source writes: "#clean",
// "#header" (static) and "#total" (a getter).
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
