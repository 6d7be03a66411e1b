// Accounts get a credit limit: a field added to the layout, so every instance is migrated
// (replaced by a new object with the same identity).
class Account {
  limit = 100;
  constructor(owner) {
    this.owner = owner;
  }
  describe() {
    return `${this.owner} (limit ${this.limit})`;
  }
}

const alice = new Account("alice");
const bob = new Account("bob");
const notes = new WeakMap([[alice, "pays late"], [bob, "vip"]]);
const audited = new WeakSet([alice]);
const current = new WeakRef(bob);
const metaOf = new WeakMap([[alice, { since: 2020, account: alice }]]);
const ids = [alice, bob].map((o) => Molt.identityOf(o));
console.log(notes.get(alice), audited.has(alice), current.deref().describe());
