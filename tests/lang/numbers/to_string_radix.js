// Number toString with and without a radix.
console.log((255).toString(16), (255).toString(2), (255).toString(8)); // expect: ff 11111111 377
console.log((-255).toString(16), (35).toString(36), (0).toString(2)); // expect: -ff z 0
console.log((3.5).toString(2), (0.5).toString(16)); // expect: 11.1 0.8
console.log((123.456).toString(), (1e21).toString(), (1e-7).toString()); // expect: 123.456 1e+21 1e-7
console.log(String(123456789012), String(0.000001), String(-1e-7)); // expect: 123456789012 0.000001 -1e-7
console.log((2 ** 53).toString(), (2 ** 64).toString()); // expect: 9007199254740992 18446744073709552000
console.log((1e100).toString(), (1.5e300).toString()); // expect: 1e+100 1.5e+300
console.log(String(-0), (-0).toString(), `${-0}`, [-0] + ""); // expect: 0 0 0 0

function toHexByte(n) {
  return n.toString(16).padStart(2, "0").toUpperCase();
}
console.log([0, 15, 16, 171, 255].map(toHexByte).join(":")); // expect: 00:0F:10:AB:FF
