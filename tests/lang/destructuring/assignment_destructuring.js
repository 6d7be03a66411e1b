// Destructuring assignment to existing variables, fields and array slots.
let a, b, rest;
({ a, b = "bee" } = { a: "ay" });
console.log(a, b); // expect: ay bee
[a, ...rest] = [1, 2, 3];
console.log(a, rest); // expect: 1 [ 2, 3 ]

class Box {
  constructor() {
    this.left = 0;
    this.right = 0;
  }
  load(pair) {
    [this.left, this.right] = pair;
    return this;
  }
}
const box = new Box().load([5, 6]);
console.log(box.left, box.right); // expect: 5 6

const arr = [0, 0, 0];
[arr[2], arr[0]] = ["two", "zero"];
console.log(arr); // expect: [ 'zero', 0, 'two' ]

const target = {};
({ x: target.first, y: target.second } = { x: 1, y: 2 });
console.log(target); // expect: { first: 1, second: 2 }

let i = 0;
const fib = [0, 1];
let p = 0, q = 1;
while (i++ < 8) {
  [p, q] = [q, p + q];
  fib.push(q);
}
console.log(fib.join(" ")); // expect: 0 1 1 2 3 5 8 13 21 34
