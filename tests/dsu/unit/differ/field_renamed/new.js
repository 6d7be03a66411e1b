// A balance in cents, renamed everywhere in the class.
class Account {
  cents = 0;
  constructor(owner) {
    this.owner = owner;
  }
  deposit(x) {
    this.cents += x;
  }
  transfer(other, x) {
    this.cents -= x;
    other.cents += x;
  }
  report() {
    return this.owner + " has " + this.cents;
  }
}
