// Amounts in cents.
class Money {
  constructor(cents) {
    this.cents = cents;
  }
}

module.exports = { Money };
