// Molt only (deliberate difference): only fields in the class layout can be written.
class Account {
  balance = 0;
  constructor(owner) {
    this.owner = owner;
  }
  close() {
    this.closedAt = "today";
  }
}
class Savings extends Account {
  rate = 0.02;
  accrue() {
    this.interest = this.balance * this.rate;
  }
}

function attempt(label, fn) {
  try {
    fn();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, e.name, e.message);
  }
}

const acct = new Account("ann");
const sav = new Savings("bob");
attempt("declared", () => (acct.balance = 10)); // expect: declared ok
attempt("ctor-assigned", () => (acct.owner = "zed")); // expect: ctor-assigned ok
attempt("method-assigned", () => (acct.closedAt = "later")); // expect: method-assigned ok
attempt("undeclared", () => (acct.nickname = "x")); // expect: undeclared TypeError Cannot add field 'nickname' to an instance of Account
attempt("subclass field on base", () => (acct.rate = 1)); // expect: subclass field on base TypeError Cannot add field 'rate' to an instance of Account
attempt("inherited on subclass", () => (sav.closedAt = "x")); // expect: inherited on subclass ok
attempt("own on subclass", () => (sav.interest = 5)); // expect: own on subclass ok
function addExtra(o) {
  o.extra = true;
}
attempt("plain function", () => addExtra(sav)); // expect: plain function TypeError Cannot add field 'extra' to an instance of Savings
attempt("computed key", () => (sav["bonus"] = 1)); // expect: computed key TypeError Cannot add field 'bonus' to an instance of Savings
console.log(acct.nickname, Object.keys(acct)); // expect: undefined [ 'balance', 'owner', 'closedAt' ]
const rec = { a: 1 };
rec.b = 2;
console.log(rec); // expect: { a: 1, b: 2 }
