// Dog's superclass becomes Pet. The new layout is Pet's fields then Dog's own: fields are
// matched by name (name and breed are kept, legs is dropped), and the inherited field that
// did not exist before gets a value from a field policy.
module.exports = function (dsu) {
  dsu.changeSuperclass("Dog", "Pet");
  dsu.setFieldPolicy("Dog", "owner", dsu.constant("ada"));
};
