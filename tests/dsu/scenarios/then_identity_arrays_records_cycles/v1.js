// A family tree with cycles (parent <-> children), held in arrays and records. v2 adds a
// field to Person, so every person is migrated; every reference must reach the migrated
// object, and the cycles stay cycles.
class Person {
  constructor(name, parent) {
    this.name = name;
    this.parent = parent;
    this.children = [];
    if (parent) parent.children.push(this);
  }
}

const root = new Person("ada", null);
const kid = new Person("bo", root);
const grandkid = new Person("cy", kid);
const everyone = [root, kid, grandkid];
const record = { eldest: root, nested: { list: [kid, grandkid] }, self: null };
record.self = record;
console.log(everyone.map((p) => p.name).join(" > "));
