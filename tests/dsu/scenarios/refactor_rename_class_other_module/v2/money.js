// Amounts in cents.
class Cash {
  constructor(cents) {
    this.cents = cents;
  }
}

module.exports = { Cash };
