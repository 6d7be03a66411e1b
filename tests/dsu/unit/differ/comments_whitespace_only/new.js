// Accounts hold a balance.
class Account {
  bal = 0; // in cents

  /* Adds x to the balance. */
  deposit(x) {
    this.bal   +=   x;
  }
}

const a = new Account();
a.deposit( 5 );
