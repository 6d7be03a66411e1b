// The getter now labels its unit; the setter clamps the target to 10..30 degrees Celsius.
// The private change counter is untouched by the update.
module.exports = function (dsu) {
  dsu.replaceMethod("Thermostat", "fahrenheit", function () {
    return `${Math.round((this.celsius * 9) / 5 + 32)}F`;
  }, "getter");
  dsu.replaceMethod("Thermostat", "fahrenheit", function (f) {
    const c = ((f - 32) * 5) / 9;
    this.celsius = Math.min(30, Math.max(10, c));
  }, "setter");
};
