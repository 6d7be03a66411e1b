// The user's part of the update: prices double. Left out, the prices stay as they were.
module.exports = function (dsu) {
  dsu.migrateInstances("Item", (oldObj, newObj) => {
    newObj.cents = oldObj.cents * 2;
  });
};
