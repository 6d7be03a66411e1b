// The built-in policy helpers, composed. Per field, policies run in registration order and
// the last one registered wins, whatever its kind:
//   handle:      rename("name") copies another field that stays in the layout
//   displayName: constant, then rename("name")  -> the name
//   email:       constant, then keep()          -> the old email
//   phone:       keep(), then constant          -> the constant
//   initials:    computed, then initializer     -> the initializer's value
module.exports = function (dsu) {
  dsu.addInstanceVariable("Contact", "handle", dsu.rename("name"));
  dsu.addInstanceVariable("Contact", "displayName", dsu.constant("?"));
  dsu.setFieldPolicy("Contact", "displayName", dsu.rename("name"));
  dsu.setFieldPolicy("Contact", "email", dsu.constant("hidden"));
  dsu.setFieldPolicy("Contact", "email", dsu.keep());
  dsu.setFieldPolicy("Contact", "phone", dsu.keep());
  dsu.setFieldPolicy("Contact", "phone", dsu.constant("n/a"));
  dsu.addInstanceVariable("Contact", "initials", dsu.computed((oldObj) => oldObj.name[0]));
  dsu.setFieldPolicy("Contact", "initials", dsu.initializer(function () {
    return `${this.name[0]}.`;
  }));
};
