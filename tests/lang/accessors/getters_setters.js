// Getters compute values; setters validate and normalize.
class Person {
  constructor(first, last) {
    this.first = first;
    this.last = last;
  }
  get fullName() {
    return `${this.first} ${this.last}`;
  }
  set fullName(value) {
    const parts = value.trim().split(" ");
    this.first = parts[0];
    this.last = parts.slice(1).join(" ");
  }
  get initials() {
    return this.first[0] + this.last[0];
  }
}

const p = new Person("Ada", "Lovelace");
console.log(p.fullName, p.initials); // expect: Ada Lovelace AL
p.fullName = "  Grace Brewster Hopper ";
console.log(p.first); // expect: Grace
console.log(p.last); // expect: Brewster Hopper
console.log(p.initials); // expect: GB
console.log(p); // expect: Person { first: 'Grace', last: 'Brewster Hopper' }
