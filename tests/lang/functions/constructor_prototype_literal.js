"use strict"; // Molt is strict everywhere; node scripts are sloppy unless told
// `P.prototype = { constructor: P, … }` gives a constructor function all its methods at
// once: method shorthand and `name: function` pairs.
function Stack() {
  this.items = [];
}
Stack.prototype = {
  constructor: Stack,
  push(x) {
    this.items.push(x);
    return this;
  },
  pop: function () {
    return this.items.pop();
  },
  peek() {
    return this.items[this.items.length - 1];
  },
};
// A later statement adds to the literal's methods.
Stack.prototype.isEmpty = function () {
  return this.items.length === 0;
};
const s = new Stack().push(1).push(2).push(3);
console.log(s, s.peek(), s.pop(), s.peek()); // expect: Stack { items: [ 1, 2 ] } 3 3 2
console.log(s.isEmpty(), new Stack().isEmpty()); // expect: false true
console.log(s.constructor === Stack, s instanceof Stack); // expect: true true
console.log(Stack.prototype.peek.call({ items: ["x"] })); // expect: x
