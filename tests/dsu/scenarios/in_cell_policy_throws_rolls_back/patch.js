// Grams become kilos. The policy writes into each parcel, its cell already in the new layout,
// before it checks the old weight, and throws on the third: the update rolls back, and every
// parcel must have its old slots (the written ones too), layout and members again.
module.exports = function (dsu) {
  dsu.renameInstanceVariable("Parcel", "grams", "kg");
  dsu.replaceMethod("Parcel", "line", function () {
    return `${this.label} ${this.kg}kg`;
  });
  dsu.migrateInstances("Parcel", (o, n) => {
    n.label = "scribbled";
    n.kg = o.kilos;
    if (o.grams < 0) throw new RangeError(`${o.line()} has no weight`);
  });
};
