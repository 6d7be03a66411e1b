// A code-only edit through --then whose validation fails after the class was updated in
// place (the validation runs the new code, filling the call sites' caches): the rollback
// gives the class, the method objects the program holds and the call sites the old code
// back, with every identity kept.
class Account {
  static opened = 0;

  constructor(owner, cents) {
    this.owner = owner;
    this.cents = cents;
    Account.opened++;
  }

  balance() {
    return this.cents / 100;
  }

  static euros(cents) {
    return cents / 100;
  }

  get label() {
    return `${this.owner}: ${this.balance()}`;
  }
}

class Savings extends Account {
  balance() {
    return super.balance() + 1;
  }
}

const accounts = [new Account("ada", 250), new Savings("bob", 400)];
const ids = accounts.map((a) => Molt.identityOf(a));
const balance = accounts[0].balance; // held as values
const euros = Account.euros;
function total() {
  return accounts.reduce((sum, a) => sum + a.balance(), 0);
}
console.log(total(), accounts.map((a) => a.label).join(", "));
