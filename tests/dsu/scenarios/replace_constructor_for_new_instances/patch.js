// Adds a priority and a constructor that sets it. Migrated tickets get a computed priority;
// tickets created after the update run the new constructor (the declared field `tags` is
// still initialized for them).
module.exports = function (dsu) {
  dsu.addInstanceVariable("Ticket", "priority", (oldObj) => (oldObj.tags.includes("network") ? "high" : "normal"));
  dsu.replaceMethod("Ticket", "constructor", function (title, priority = "normal") {
    this.title = title;
    this.priority = priority;
    this.number = ++Molt.classOf(this).opened;
  });
  dsu.replaceMethod("Ticket", "toString", function () {
    return `#${this.number} ${this.title} (${this.priority}) [${this.tags.join(",")}]`;
  });
};
