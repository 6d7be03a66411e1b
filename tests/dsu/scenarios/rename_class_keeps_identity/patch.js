// Cust -> Customer: the class object and its instances are rebuilt under the new name; the
// module binding is renamed too, and code compiled against it keeps working.
module.exports = function (dsu) {
  dsu.renameClass("Cust", "Customer");
};
