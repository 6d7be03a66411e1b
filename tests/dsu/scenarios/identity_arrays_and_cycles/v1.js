// A ring of tasks pointing at each other (a cycle), held in nested arrays.
class Task {
  constructor(name) {
    this.name = name;
    this.next = null;
    this.prev = null;
    this.self = this;
  }

  link(other) {
    this.next = other;
    other.prev = this;
  }
}

const a = new Task("a");
const b = new Task("b");
const c = new Task("c");
a.link(b);
b.link(c);
c.link(a);
const ring = [a, b, c];
const lanes = [[a, b], [c], [[a]]];
const ids = ring.map((t) => Molt.identityOf(t));
console.log(ids.every((id, i) => typeof id === "number" && ids.indexOf(id) === i), a.next.next.next === a);
