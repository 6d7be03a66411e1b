// Nodes of a list; the update's policy keeps the old objects it is given, which in-cell
// migration does not keep past the policy call.
class Node {
  constructor(name, next) {
    this.name = name;
    this.next = next;
  }

  names() {
    return this.next ? `${this.name} ${this.next.names()}` : this.name;
  }
}

const tail = new Node("c", null);
const head = new Node("a", new Node("b", tail));
const kept = [];
console.log(head.names());
