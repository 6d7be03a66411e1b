// A field added to the superclass reaches every subclass instance (subclass layouts start
// with the superclass's). Policies on the superclass run first, then the subclass's.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Shape", "color", (oldObj) => (oldObj.x === 0 ? "red" : "black"));
  dsu.migrateInstances("Circle", (oldObj, newObj) => {
    newObj.color = `round ${newObj.color}`;
  });
  dsu.replaceMethod("Shape", "toString", function () {
    return `${this.color} ${this.constructor.name}@${this.x},${this.y}`;
  });
};
