// Customers with an optional postal address record.
class Customer {
  constructor(name, address) {
    this.name = name;
    this.address = address;
  }

  label() {
    return this.address ? `${this.name} (${this.address.city})` : `${this.name} (no address)`;
  }
}

const customers = [
  new Customer("ada", { street: "1 Main St", city: "London" }),
  new Customer("bob", null),
  new Customer("cy", { street: "9 Elm Rd", city: "Leeds" }),
];
const adaAddress = customers[0].address;
console.log(customers.map((c) => c.label()).join("; "));
