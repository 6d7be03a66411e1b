// A colour for tags, a unit for sensors.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Tag", "colour", dsu.constant("red"));
  dsu.addInstanceVariable("Sensor", "unit", dsu.constant("C"));
  dsu.replaceMethod("Sensor", "read", function () {
    return `${this.id}:${this.value}${this.unit}@${this.tag.name}/${this.tag.colour}`;
  });
};
