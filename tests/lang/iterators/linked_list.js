// A realistic program: a doubly linked list that is iterable forwards (a generator
// method) and backwards (an iterator class), used through for-of, spread, destructuring
// and the collection constructors.
class ListNode {
  constructor(value) {
    this.value = value;
    this.prev = null;
    this.next = null;
  }
}
class ReverseIterator {
  constructor(node) { this.node = node; }
  next() {
    if (this.node === null) return { value: undefined, done: true };
    const value = this.node.value;
    this.node = this.node.prev;
    return { value, done: false };
  }
  [Symbol.iterator]() { return this; }
}
class LinkedList {
  constructor(items = []) {
    this.head = null;
    this.tail = null;
    this.length = 0;
    for (const item of items) this.append(item);
  }
  append(value) {
    const node = new ListNode(value);
    if (this.tail === null) {
      this.head = node;
    } else {
      this.tail.next = node;
      node.prev = this.tail;
    }
    this.tail = node;
    this.length++;
    return this;
  }
  *[Symbol.iterator]() {
    for (let n = this.head; n !== null; n = n.next) yield n.value;
  }
  reversed() { return new ReverseIterator(this.tail); }
  map(fn) { return new LinkedList(Array.from(this, fn)); }
  toString() { return `(${[...this].join(" <-> ")})`; }
}
const list = new LinkedList(["ant", "bee", "cat"]);
list.append("dog");
console.log(String(list), list.length); // expect: (ant <-> bee <-> cat <-> dog) 4
console.log([...list.reversed()].join(" ")); // expect: dog cat bee ant
const [head, ...others] = list;
console.log(head, others); // expect: ant [ 'bee', 'cat', 'dog' ]
console.log(String(list.map((s) => s.toUpperCase()))); // expect: (ANT <-> BEE <-> CAT <-> DOG)
const lengths = new Map(list.map((s) => [s, s.length]));
console.log(lengths.get("bee"), new Set(list).has("cat")); // expect: 3 true
// A list of lists, flattened with yield*.
function* flatten(lists) {
  for (const l of lists) yield* l;
}
const all = [...flatten(new LinkedList([new LinkedList([1, 2]), new LinkedList([3])]))];
console.log(all); // expect: [ 1, 2, 3 ]
let total = 0;
for (const n of new LinkedList(all)) {
  if (n > 2) break;
  total += n;
}
console.log(total); // expect: 3
