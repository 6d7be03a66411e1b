// Replaces Worker.run (the thread is inside it and the patch forbids moving its frame to the
// new code, so the swap waits until it returns) and adds
// a static and a binding. Statics and bindings must have the values they have at the swap,
// not the ones they had when the patch was loaded.
module.exports = function (dsu) {
  dsu.waitFor("Worker", "run");
  dsu.replaceMethod("Worker", "run", function () {
    for (const job of this.jobs) Worker.processed++;
  });
  dsu.addStaticField("Worker", "version", 2);
  dsu.addBinding("patchedAt", "v2");
};
