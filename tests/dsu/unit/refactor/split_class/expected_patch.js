// molt refactor split-class Order Address shipTo street,city where
// Split street,city,where of Order into Address, held by Order.shipTo.
module.exports = function (dsu) {
  dsu.addClass("Address");
  // Each live Order (and subclass instance) gets its own Address, holding the values of
  // the fields that moved (the old object is only read; identities are kept).
  dsu.setFieldPolicy("Order", "shipTo", (oldObj) => {
    const part = new Address();
    part.street = oldObj.street;
    part.city = oldObj.city;
    return part;
  });
  dsu.removeInstanceVariable("Order", "street"); // moved to Address
  dsu.removeInstanceVariable("Order", "city"); // moved to Address
};
