// molt refactor make-instance Config currency
// Made static Config.currency an instance field (1 use now read this.currency).
module.exports = function (dsu) {
  dsu.removeStaticField("Config", "currency");
  // Every live Config (and subclass instance) gets the static's live value.
  dsu.setFieldPolicy("Config", "currency", (oldObj, newObj, oldNs) => oldNs.get("Config").currency);
};
