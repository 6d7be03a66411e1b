// `name` becomes `title`, `qty` goes (the validation wants every item in stock, measured in
// the new `count`, which starts at 0 for all): the update rolls back after the cells were
// rewritten, and every item must have its old slots and layout again.
module.exports = function (dsu) {
  dsu.renameInstanceVariable("Item", "name", "title");
  dsu.removeInstanceVariable("Item", "qty");
  dsu.addInstanceVariable("Item", "count", dsu.constant(0));
  dsu.replaceMethod("Item", "line", function () {
    return `${this.count} x ${this.title}`;
  });
  dsu.addValidation("every item in stock", () => items.every((i) => i.count > 0));
};
