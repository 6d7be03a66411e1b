// Each node gets a field naming its own old self (which stands for the node, as the copy
// path's swap makes it) and the policy also keeps the old object in a global array: using
// it after the update is a TypeError, never the stale values of some node.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Node", "self", dsu.computed((o, n) => o));
  dsu.migrateInstances("Node", (o, n) => {
    kept.push(o);
    n.name = o.name.toUpperCase();
  });
};
