// Molt only: Molt.readInstanceVariable reads a field by name, including inherited fields.
class Base {
  id = 7;
  constructor() {
    this.created = "now";
  }
}
class Item extends Base {
  label = "item";
  constructor(price) {
    super();
    this.price = price;
  }
}

const it = new Item(9.5);
console.log(Molt.readInstanceVariable(it, "price")); // expect: 9.5
console.log(Molt.readInstanceVariable(it, "id"), Molt.readInstanceVariable(it, "created")); // expect: 7 now
console.log(Molt.readInstanceVariable(it, "label")); // expect: item
it.price = 12;
console.log(Molt.readInstanceVariable(it, "price") === it.price); // expect: true
const names = ["id", "created", "label", "price"];
console.log(names.map((n) => Molt.readInstanceVariable(it, n))); // expect: [ 7, 'now', 'item', 12 ]
