// localeCompare for sorting strings (ASCII letters; case ordering per default locale).
const names = ["bob", "Alice", "carol", "alice", "Bob"];
console.log(names.slice().sort()); // expect: [ 'Alice', 'Bob', 'alice', 'bob', 'carol' ]
console.log(names.slice().sort((a, b) => a.localeCompare(b))); // expect: [ 'alice', 'Alice', 'bob', 'Bob', 'carol' ]
console.log("a".localeCompare("b"), "b".localeCompare("a"), "a".localeCompare("a")); // expect: -1 1 0
console.log(["item10", "item2", "item1"].sort((a, b) => a.localeCompare(b))); // expect: [ 'item1', 'item10', 'item2' ]
class Contact {
  constructor(first, last) {
    this.first = first;
    this.last = last;
  }
}
const contacts = [new Contact("Zoe", "adams"), new Contact("amy", "Baker"), new Contact("Bob", "adams")];
contacts.sort((a, b) => a.last.localeCompare(b.last) || a.first.localeCompare(b.first));
console.log(contacts.map((c) => `${c.first} ${c.last}`).join(", ")); // expect: Bob adams, Zoe adams, amy Baker
