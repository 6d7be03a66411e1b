// A field added to the superclass: Job's layout becomes id, priority, payload, attempts.
// The sleeping thread's frames, locals and `this` must reach the migrated job, and the
// method it wakes up in must read the fields at their new positions.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Base", "priority", dsu.constant("normal"));
};
