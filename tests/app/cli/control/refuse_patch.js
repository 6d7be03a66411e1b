// A validation that says no: the update must roll back and leave v1 running.
module.exports = function (dsu) {
  dsu.addValidation("counters stay below zero", (oldNs, newNs) =>
    newNs.allInstances("Counter").every((c) => c.count < 0));
};
