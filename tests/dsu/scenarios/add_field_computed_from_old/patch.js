// Sensors also keep Fahrenheit and a status; both are derived from the running state.
// Field policies run in registration order, so `status` can read the new `fahrenheit`.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Sensor", "fahrenheit", (oldObj) => oldObj.celsius * 9 / 5 + 32);
  dsu.addInstanceVariable("Sensor", "status", dsu.computed((oldObj, newObj) => (newObj.fahrenheit > 100 ? "hot" : "ok")));
  dsu.replaceMethod("Sensor", "toString", function () {
    return `${this.id}=${this.celsius}C/${this.fahrenheit}F(${this.status})`;
  });
};
