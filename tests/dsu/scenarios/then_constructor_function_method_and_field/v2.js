// A stock list written with constructor functions, as older code is. v2 changes how an
// item's label reads (a method change) and gives items a 'tags' field set in the
// constructor (a field added: live items get undefined, new ones an empty array).
function Item(name, qty) {
  this.name = name;
  this.qty = qty;
  this.tags = [];
}
Item.prototype.label = function () {
  return this.qty + " of " + this.name + (this.tags ? " [" + this.tags.join() + "]" : "");
};
Item.prototype.restock = function (n) {
  this.qty += n;
  return this;
};

const items = [new Item("bolt", 3), new Item("nut", 10)];
const first = items[0];
console.log(items.map((i) => i.label()).join(", "));
