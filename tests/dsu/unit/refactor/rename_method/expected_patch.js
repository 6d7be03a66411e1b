// molt refactor rename-method GiftCart describe summary
// Renamed method describe to summary in 1 class and 1 sender.
module.exports = function (dsu) {
  // Code only: no instance changes. The new version's methods replace the old ones;
  // senders (1) were rewritten with them.
  dsu.removeMethod("GiftCart", "describe");
  dsu.addMethod("GiftCart", "summary");
};
