module.exports = function (dsu) {
  dsu.replaceMethod("Note", "#clean", function () {
    return this.text.trim().toUpperCase();
  });
  dsu.replaceMethod("Note", "#h", () => "NOTE", "static");
};
