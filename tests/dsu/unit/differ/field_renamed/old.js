// A balance in cents, renamed everywhere in the class.
class Account {
  bal = 0;
  constructor(owner) {
    this.owner = owner;
  }
  deposit(x) {
    this.bal += x;
  }
  transfer(other, x) {
    this.bal -= x;
    other.bal += x;
  }
  report() {
    return this.owner + ": " + this.bal;
  }
}
