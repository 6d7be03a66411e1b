// Readings in watt-hours, refused by a validation that runs the program's own loop.
module.exports = function (dsu) {
  dsu.replaceMethod("Meter", "read", function () {
    return this.reading * 1000;
  });
  dsu.removeMethod("SmartMeter", "read");
  dsu.addStaticField("Meter", "installed", 2);
  dsu.addValidation("the total stays in kWh", (oldNs, newNs) => newNs.get("total")() < 100);
};
