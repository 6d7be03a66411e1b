// Bitwise operators and shifts work on 32-bit integers.
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5); // expect: 1 7 6 -6
console.log(1 << 4, 256 >> 4, -256 >> 4, -256 >>> 28); // expect: 16 16 -16 15
console.log(1 << 31, 1 << 32, (1 << 31) >>> 0); // expect: -2147483648 1 2147483648
console.log(-1 >>> 0, -1 >>> 31, 0xff ^ 0x0f); // expect: 4294967295 1 240
console.log(3.7 | 0, -3.7 | 0, ~~9.99); // expect: 3 -3 9
console.log(2 ** 32 + 5 | 0, NaN | 0, Infinity & 1); // expect: 5 0 0
let flags = 0;
const READ = 1, WRITE = 2, EXEC = 4;
flags |= READ;
flags |= EXEC;
console.log(flags, (flags & WRITE) !== 0, (flags & EXEC) !== 0); // expect: 5 false true
flags &= ~READ;
flags ^= WRITE;
console.log(flags.toString(2)); // expect: 110
let sh = 3;
sh <<= 2;
sh >>= 1;
sh >>>= 1;
console.log(sh); // expect: 3

function popcount(n) {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}
console.log(popcount(255), popcount(0b1010101), popcount(0)); // expect: 8 4 0
