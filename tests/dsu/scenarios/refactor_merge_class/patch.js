// molt refactor merge-class Order shipTo
// Merged Address (Order.shipTo) back into Order.
module.exports = function (dsu) {
  // Each live Order (and subclass instance) takes back the values its Address holds;
  // the parts become garbage (one still referenced elsewhere rolls the update back).
  dsu.setFieldPolicy("Order", "street", (oldObj) => oldObj.shipTo.street);
  dsu.setFieldPolicy("Order", "city", (oldObj) => oldObj.shipTo.city);
  dsu.removeInstanceVariable("Order", "shipTo");
  dsu.removeClass("Address");
};
