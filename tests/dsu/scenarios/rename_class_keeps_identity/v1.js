// A class with an abbreviated name that the team wants to rename while it runs.
class Cust {
  constructor(name, tier) {
    this.name = name;
    this.tier = tier;
  }

  toString() {
    return `${this.constructor.name}(${this.name}, ${this.tier})`;
  }
}

function signUp(name) {
  return new Cust(name, "basic");
}

const customers = [new Cust("ada", "gold"), signUp("bob")];
const byName = new Map(customers.map((c) => [c.name, c]));
const firstId = Molt.identityOf(customers[0]);
console.log(customers.join(" "));
