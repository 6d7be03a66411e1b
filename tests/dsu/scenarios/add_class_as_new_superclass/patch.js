// Introduces an auditing base class (defined in the patch module) and inserts it above
// Account. Its field is filled for the running accounts by a policy; its method is
// inherited by them; Account's own deposit is replaced to record an audit entry.
class Auditable {
  history = [];

  audit(entry) {
    this.history.push(entry);
    return this.history.length;
  }
}

module.exports = function (dsu) {
  dsu.addClass(Auditable);
  dsu.changeSuperclass("Account", "Auditable");
  dsu.setFieldPolicy("Account", "history", (oldObj) => [`opened with ${oldObj.balance}`]);
  dsu.replaceMethod("Account", "deposit", function (n) {
    this.balance += n;
    this.audit(`deposit ${n}`);
  });
};
