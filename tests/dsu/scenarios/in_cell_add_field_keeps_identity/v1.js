// Two-field accounts, held by every kind of container. Adding a field fits in each
// account's cell, so the update rewrites them where they are.
class Account {
  constructor(owner, cents) {
    this.owner = owner;
    this.cents = cents;
  }

  describe() {
    return `${this.owner}: ${this.cents}`;
  }
}

const ada = new Account("ada", 1200);
const bob = new Account("bob", 300);
const all = [ada, bob];
const notes = new Map([[ada, "vip"], [bob, "new"]]);
const byName = new Map([["ada", ada], ["bob", bob]]);
const audited = new Set([bob]);
const holder = { first: ada, pair: [bob, ada] };
const ids = all.map((a) => Molt.identityOf(a));
console.log(all.map((a) => a.describe()).join("; "));
