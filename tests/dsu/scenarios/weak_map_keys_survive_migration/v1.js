// Side tables keyed by account objects: notes in a WeakMap, audited accounts in a WeakSet,
// a WeakRef to the current account, and a value that points back at its own key.
class Account {
  constructor(owner) {
    this.owner = owner;
  }
  describe() {
    return this.owner;
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
