module.exports = function (dsu) {
  dsu.migrateInstances("Customer", (oldObj, newObj) => {
    const [first, ...rest] = oldObj.name.split(" ");
    newObj.first = first;
    newObj.last = rest.join(" ");
  });
};
