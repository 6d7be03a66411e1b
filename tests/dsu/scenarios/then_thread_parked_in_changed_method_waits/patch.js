// The robot must finish its pick list in the old code: the patch forbids moving its frame
// to the new pick() (which has the same loop), so the update waits for it to return.
module.exports = function (dsu) {
  dsu.waitFor("Robot", "pick");
};
