// An inventory still holds a Crate when v2 removes the Crate class (and changes Box). The
// update rolls back: the program keeps its old classes, code and values.
class Box {
  size = "M";

  constructor(label, items) {
    this.label = label;
    this.items = items;
  }

  weight() {
    return this.items * 3;
  }
}

const store = [new Box("b1", 3)];
console.log(store.map((s) => `${s.label}:${s.weight()}`).join(" "));
