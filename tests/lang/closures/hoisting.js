// Function declarations are hoisted; var is hoisted as undefined.
console.log(square(4)); // expect: 16
function square(n) {
  return n * n;
}

console.log(typeof later); // expect: undefined
var later = 1;
console.log(later); // expect: 1

function outer() {
  return inner() + 1;
  function inner() {
    return 10;
  }
}
console.log(outer()); // expect: 11

function isEven(n) {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n) {
  return n === 0 ? false : isEven(n - 1);
}
console.log(isEven(10), isOdd(7), isEven(3)); // expect: true true false

function varInBlock() {
  if (true) {
    var v = "from block";
  }
  return v;
}
console.log(varInBlock()); // expect: from block
