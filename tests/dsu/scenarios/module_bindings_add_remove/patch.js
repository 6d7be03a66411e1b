// Adds a module binding, removes one; the program's counters keep their live values and
// functions compiled against the module see the new namespace.
module.exports = function (dsu) {
  dsu.addBinding("VERSION", "2.1");
  dsu.removeBinding("legacyMode");
  dsu.replaceMethod("Router", "route", function (path) {
    const fn = this.routes.get(path);
    return fn ? fn() : "not found";
  });
};
