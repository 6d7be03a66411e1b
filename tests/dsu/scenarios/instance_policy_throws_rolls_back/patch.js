// Flattens the address into fields with an instance policy that forgets that the address
// is optional: it throws a TypeError on bob, and the update rolls back.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Customer", "street");
  dsu.addInstanceVariable("Customer", "city");
  dsu.removeInstanceVariable("Customer", "address");
  dsu.migrateInstances("Customer", (oldObj, newObj) => {
    newObj.street = oldObj.address.street;
    newObj.city = oldObj.address.city;
  });
  dsu.replaceMethod("Customer", "label", function () {
    return `${this.name} (${this.city})`;
  });
};
