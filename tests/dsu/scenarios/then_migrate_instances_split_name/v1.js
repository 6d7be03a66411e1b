// Customers had one 'name'; v2 splits it into 'first' and 'last'. An instance policy fills
// both from the old name.
class Customer {
  constructor(name, email) {
    this.name = name;
    this.email = email;
  }

  greet() {
    return `Hello ${this.name}`;
  }
}

const customers = [new Customer("Ada Lovelace", "ada@x"), new Customer("Alan Turing", "alan@x")];
const byEmail = new Map(customers.map((c) => [c.email, c]));
console.log(customers.map((c) => c.greet()).join("; "));
