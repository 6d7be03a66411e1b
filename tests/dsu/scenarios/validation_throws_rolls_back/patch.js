// Flags get a rollout percentage, but the validation throws: the update rolls back with the
// thrown error as the reason, and none of the patch's changes (field, static, binding,
// method) is visible afterwards.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Flag", "rollout", (oldObj) => (oldObj.on ? 100 : 0));
  dsu.addStaticField("Flags", "version", 2);
  dsu.addBinding("flagsPatched", true);
  dsu.replaceMethod("Flags", "isOn", function (name) {
    return (this.all.get(name)?.rollout ?? 0) > 50;
  }, "static");
  dsu.addValidation("remote config agrees", (oldNs, newNs) => {
    if (newNs.allInstances("Flag").length === 2) throw new Error("config service unreachable");
    return true;
  });
};
