// Devices get a status, and the Spooler class itself is rebuilt (a new static). References
// from closures, records, module bindings and static fields must all reach the migrated
// devices, and the statics of the rebuilt class keep their values.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Device", "status", (oldObj) => (oldObj.jobs > 0 ? "busy" : "idle"));
  dsu.addStaticField("Spooler", "paused", false);
};
