// Code before super(), arguments computed for super, and parent methods called
// from the parent constructor dispatching to the child.
class Base {
  constructor(name) {
    this.name = name;
    this.greeting = this.makeGreeting();
  }
  makeGreeting() {
    return `hello ${this.name}`;
  }
}
class Loud extends Base {
  constructor(name) {
    const upper = name.toUpperCase();
    super(upper + "!");
    this.volume = 11;
  }
  makeGreeting() {
    return `HEY ${this.name}`;
  }
}

console.log(new Base("ann").greeting); // expect: hello ann
const l = new Loud("bob");
console.log(l.greeting, l.volume); // expect: HEY BOB! 11
console.log(l); // expect: Loud { name: 'BOB!', greeting: 'HEY BOB!', volume: 11 }
