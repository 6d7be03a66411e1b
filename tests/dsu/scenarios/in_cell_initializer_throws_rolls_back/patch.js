// The initializer runs on each item once every cell has the new layout, and scribbles on
// the instance before it decides: the third item makes it throw, so the update rolls back
// and every item must have its old slots (the scribbled ones too) and layout again.
module.exports = function (dsu) {
  dsu.renameInstanceVariable("Item", "name", "title");
  dsu.removeInstanceVariable("Item", "qty");
  dsu.addInstanceVariable("Item", "count", dsu.initializer(function () {
    this.title = "scribbled";
    if (items.indexOf(this) === 2) throw new RangeError("no count for the third item");
    return 1;
  }));
  dsu.replaceMethod("Item", "line", function () {
    return `${this.count} x ${this.title}`;
  });
};
