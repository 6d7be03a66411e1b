// Same inventory, but the user's patch says what a live Crate becomes: a Box holding the
// same items, labelled as a former crate. References to the crate now see that Box.
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

const store = [new Box("b1", 3), new Box("c1", 4)];
const crate = store[1];
const index = new Map([[crate, "aisle 7"]]);
console.log(store.map((s) => `${s.label}:${s.weight()}`).join(" "));
