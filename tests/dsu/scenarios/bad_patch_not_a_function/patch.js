// A patch must export a function of dsu; this one exports a record of operations.
module.exports = {
  addInstanceVariable: ["Product", "sku"],
};
