// Comma operator, void, and expression statements with side effects.
let a = 1;
let b = (a++, a++, a * 10);
console.log(a, b); // expect: 3 30

let i, j;
for (i = 0, j = 10; i < j; i += 3, j -= 3) {}
console.log(i, j); // expect: 6 4

console.log(void 0, void "anything", typeof void 0); // expect: undefined undefined undefined
let count = 0;
const r = void count++;
console.log(r, count); // expect: undefined 1

const arrow = () => void console.log("side effect"); // expect: side effect
console.log(arrow()); // expect: undefined
