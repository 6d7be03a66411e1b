// Private members are reachable from arrow functions and callbacks inside the class.
class Inventory {
  #items = new Map();
  #changes = 0;
  add(name, qty) {
    this.#items.set(name, (this.#items.get(name) ?? 0) + qty);
    this.#changes++;
    return this;
  }
  #total() {
    let sum = 0;
    this.#items.forEach((qty) => {
      sum += qty;
    });
    return sum;
  }
  report() {
    const lines = [...this.#items.entries()].map(([name, qty]) => `${name}=${qty}`);
    return `${lines.join(", ")} (total ${this.#total()}, ${this.#changes} changes)`;
  }
  lowStock(limit) {
    return [...this.#items.keys()].filter((k) => this.#items.get(k) < limit);
  }
}

const inv = new Inventory().add("bolt", 10).add("nut", 3).add("bolt", 5).add("gear", 1);
console.log(inv.report()); // expect: bolt=15, nut=3, gear=1 (total 19, 4 changes)
console.log(inv.lowStock(5)); // expect: [ 'nut', 'gear' ]
console.log(inv); // expect: Inventory {}
