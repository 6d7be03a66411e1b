// A ledger of entries in cents.
class Entry {
  constructor(label, cents) {
    this.label = label;
    this.cents = cents;
  }

  format() {
    return `${this.label} ${this.cents}`;
  }
}

class Ledger {
  entries = [];

  post(label, cents) {
    this.entries.push(new Entry(label, cents));
  }

  balance() {
    return this.entries.reduce((s, e) => s + e.cents, 0);
  }
}

const ledger = new Ledger();
ledger.post("salary", 300000);
ledger.post("rent", -120000);
ledger.post("coffee", -450);
console.log(ledger.balance());
