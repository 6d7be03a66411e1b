// A validation that no shop passes (each stocks three products): every host that tries this
// update rolls back.
module.exports = function (dsu) {
  dsu.addValidation("shops have an empty catalogue", (oldNs, newNs) =>
    newNs.allInstances("Shop").every((s) => s.products.size === 0));
};
