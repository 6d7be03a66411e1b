// molt refactor make-static Config rate
// Made field Config.rate static (1 use now read Config.rate).
module.exports = function (dsu) {
  dsu.removeInstanceVariable("Config", "rate"); // the per-instance values are dropped
  // The static takes the value of the first live Config (in heap order), read while the update
  // validates; with no live instance it keeps its initializer's.
  dsu.addStaticField("Config", "rate");
  dsu.addValidation("static Config.rate takes a live instance's value", (oldNs, newNs) => {
    const live = oldNs.allInstances("Config");
    if (live.length > 0) newNs.get("Config").rate = live[0].rate;
    return true;
  });
};
