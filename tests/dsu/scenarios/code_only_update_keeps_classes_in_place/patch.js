// Readings are now in watt-hours; labels name the unit; a new method and a static field.
module.exports = function (dsu) {
  dsu.replaceMethod("Meter", "read", function () {
    return this.reading * 1000;
  });
  dsu.replaceMethod("Meter", "label", function () {
    return `meter ${this.id}`;
  }, "getter");
  dsu.replaceMethod("Meter", "unit", function () {
    return "Wh";
  }, "static");
  dsu.addMethod("Meter", "reset", function () {
    this.reading = 0;
  });
  dsu.addStaticField("Meter", "installed", 2);
  dsu.addValidation("every meter is a Meter of the new version", (oldNs, newNs) =>
    newNs.allInstances("Meter").every((m) => m instanceof newNs.get("Meter")));
};
