// molt refactor rename-class Money Cash
// Renamed class Money to Cash (4 references).
module.exports = function (dsu) {
  // The live class Money becomes Cash: its instances keep their identity and state.
  dsu.renameClass("Money", "Cash");
};
