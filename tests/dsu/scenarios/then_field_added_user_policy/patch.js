// The user's policy runs after the generated one and wins for 'currency'.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Account", "currency", (oldObj, newObj) =>
    oldObj.branch === "boston" ? "USD" : "EUR");
};
