// Celsius becomes Kelvin, and each reading remembers what the old version said of it: the
// policies read the old field, the old accessor and the old method on the old object, while
// the new object already has the new layout (and the new accessor, which reads kelvin).
module.exports = function (dsu) {
  dsu.removeInstanceVariable("Reading", "celsius");
  dsu.addInstanceVariable("Reading", "kelvin", dsu.computed((o, n) => o.celsius + 273));
  dsu.addInstanceVariable("Reading", "was", dsu.computed((o, n) => `${o.describe()} (${o.fahrenheit})`));
  dsu.replaceMethod("Reading", "fahrenheit", function () {
    return ((this.kelvin - 273) * 9) / 5 + 32;
  }, "getter");
  dsu.migrateInstances("Reading", (o, n) => {
    n.place = `${o.place}/${"celsius" in n}`;
  });
};
