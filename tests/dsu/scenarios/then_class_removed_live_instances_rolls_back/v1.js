// An inventory still holds a Crate when v2 removes the Crate class (and changes Box). The
// update rolls back: the program keeps its old classes, code and values.
class Box {
  constructor(label, items) {
    this.label = label;
    this.items = items;
  }

  weight() {
    return this.items * 2;
  }
}

class Crate {
  constructor(label, items) {
    this.label = label;
    this.items = items;
  }

  weight() {
    return this.items * 5 + 10;
  }
}

const store = [new Box("b1", 3), new Crate("c1", 4)];
console.log(store.map((s) => `${s.label}:${s.weight()}`).join(" "));
