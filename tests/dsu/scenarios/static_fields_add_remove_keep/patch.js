// A new static prefix replaces the legacy one; the counter and the issued list are class
// state that must keep their running values.
module.exports = function (dsu) {
  dsu.addStaticField("IdGen", "prefix", "ID-");
  dsu.removeStaticField("IdGen", "legacyPrefix");
  dsu.replaceMethod("IdGen", "make", function () {
    const id = `${this.prefix}${this.next++}`;
    this.issued.push(id);
    return id;
  }, "static");
};
