module.exports = function (dsu) {
  dsu.migrateInstancesTo("Crate", "Box", (oldObj, newObj) => {
    newObj.label = `${oldObj.label} (was a crate)`;
    newObj.items = oldObj.items;
    newObj.size = "XL";
  });
};
