// New fields whose initial values are computed by initializers that run with `this` bound
// to the NEW object: it already holds the kept fields and the fields initialized before.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Member", "fullName", dsu.initializer(function () {
    return `${this.first} ${this.last}`;
  }));
  dsu.addInstanceVariable("Member", "handle", dsu.initializer(function () {
    return this.fullName.toLowerCase().replace(" ", ".");
  }));
  dsu.addInstanceVariable("Member", "isNewObject", dsu.initializer(function () {
    return Molt.readClassDefinition(Molt.classOf(this)).layout.includes("handle");
  }));
  dsu.replaceMethod("Member", "greeting", function () {
    return `Hello, ${this.fullName} (@${this.handle})!`;
  });
};
