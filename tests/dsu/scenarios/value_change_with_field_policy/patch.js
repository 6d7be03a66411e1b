// Same field, new meaning: `value` becomes Celsius. setFieldPolicy overrides the default
// keep-by-name for an existing field.
module.exports = function (dsu) {
  dsu.setFieldPolicy("Reading", "value", (oldObj) => Math.round(((oldObj.value - 32) * 5) / 9));
  dsu.replaceMethod("Reading", "format", function () {
    return `${this.station} ${this.value}C`;
  });
};
