// require a relative module with and without the .js extension.
const math = require("./_math");
const same = require("./_math.js");
const { add, square } = require("./_math");

console.log(math.add(2, 3), add(10, -4)); // expect: 5 6
console.log(square(9), math.clamp(15, 0, 10)); // expect: 81 10
console.log(math.PI2.toFixed(4)); // expect: 6.2832
console.log(math === same, typeof math.nothing); // expect: true undefined
console.log(Object.keys(math)); // expect: [ 'add', 'square', 'PI2', 'clamp' ]
