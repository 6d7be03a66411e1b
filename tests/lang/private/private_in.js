// `#x in obj`: brand checks on private fields and methods, without touching the object.
class Account {
  #balance = 0;
  #audit() {}
  static #registry = [];
  static isAccount(o) { return #balance in o; }
  static hasAudit(o) { return #audit in o; }
  static hasRegistry(o) { return #registry in o; }
  equals(other) { return #balance in other && this.#balance === other.#balance; }
}
class Savings extends Account {}
class Other { #balance = 1; static check(o) { return #balance in o; } }
const a = new Account();
console.log(Account.isAccount(a), Account.isAccount(new Savings())); // expect: true true
console.log(Account.isAccount({}), Account.isAccount(new Other()), Account.isAccount([])); // expect: false false false
console.log(Account.hasAudit(a), Account.hasAudit({ audit: 1 })); // expect: true false
console.log(Account.hasRegistry(Account), Account.hasRegistry(a)); // expect: true false
console.log(Other.check(new Other()), Other.check(a)); // expect: true false
console.log(a.equals(new Account()), a.equals({ balance: 0 })); // expect: true false
try {
  Account.isAccount(42);
} catch (e) {
  console.log(e.constructor.name, e.message); // expect: TypeError Cannot use 'in' operator to search for '#balance' in 42
}
