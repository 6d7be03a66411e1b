// Arithmetic operators including ** and %, with mixed signs and special values.
console.log(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 % 3); // expect: 10 4 21 3.5 1
console.log(-7 % 3, 7 % -3, 5.5 % 2); // expect: -1 1 1.5
console.log(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 3 ** 2); // expect: 1024 0.5 -8 512
console.log(1 / 0, -1 / 0, 0 / 0); // expect: Infinity -Infinity NaN
console.log(0 * -1, -0 + 0, 1 / (0 * -1)); // expect: -0 0 -Infinity
console.log(10 / 3); // expect: 3.3333333333333335
console.log(0.1 + 0.2, 0.1 * 3); // expect: 0.30000000000000004 0.30000000000000004
console.log(Infinity - Infinity, Infinity * 0, 5 % 0); // expect: NaN NaN NaN
console.log(-(-5), +"3" + 1, -"2"); // expect: 5 4 -2
let x = 10;
x += 5;
x -= 3;
x *= 2;
x /= 4;
x %= 4;
x **= 3;
console.log(x); // expect: 8
console.log(2147483647 + 1, -2147483648 - 1); // expect: 2147483648 -2147483649
console.log(9007199254740992 + 1); // expect: 9007199254740992
console.log(1e308 * 10, -1e308 * 10); // expect: Infinity -Infinity
