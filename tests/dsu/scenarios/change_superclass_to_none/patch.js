// Invoice no longer extends Entity. It declares the one inherited field it still needs
// (`id`, kept by name from the running invoices); `revision` goes away with the superclass.
module.exports = function (dsu) {
  dsu.changeSuperclass("Invoice", null);
  dsu.addInstanceVariable("Invoice", "id");
  dsu.replaceMethod("Invoice", "constructor", function (id, amount) {
    this.id = id;
    this.amount = amount;
  });
  dsu.addMethod("Invoice", "label", function () {
    return `invoice ${this.id}`;
  });
};
