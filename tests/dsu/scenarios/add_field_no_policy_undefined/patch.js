// Users may now choose a nickname. No policy: migrated users start without one (undefined),
// and the field is part of the layout, so it can be written afterwards.
module.exports = function (dsu) {
  dsu.addInstanceVariable("User", "nickname");
  dsu.replaceMethod("User", "display", function () {
    return this.nickname ?? this.name;
  });
};
