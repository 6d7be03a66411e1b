// A linked list built from two classes.
class Node {
  constructor(value, next) {
    this.value = value;
    this.next = next;
  }
}

class LinkedList {
  constructor() {
    this.head = null;
    this.size = 0;
  }
  prepend(v) {
    this.head = new Node(v, this.head);
    this.size++;
    return this;
  }
  toArray() {
    const out = [];
    for (let n = this.head; n !== null; n = n.next) out.push(n.value);
    return out;
  }
  reverse() {
    let prev = null;
    let cur = this.head;
    while (cur) {
      const next = cur.next;
      cur.next = prev;
      prev = cur;
      cur = next;
    }
    this.head = prev;
    return this;
  }
  find(pred) {
    for (let n = this.head; n; n = n.next) if (pred(n.value)) return n.value;
    return undefined;
  }
}

const list = new LinkedList();
list.prepend(3).prepend(2).prepend(1);
console.log(list.toArray()); // expect: [ 1, 2, 3 ]
console.log(list.reverse().toArray().join("->")); // expect: 3->2->1
console.log(list.size, list.find((v) => v < 3), list.find((v) => v > 5)); // expect: 3 2 undefined
console.log(new LinkedList().toArray()); // expect: []
