// Template literal interpolation converts values with String().
const name = "Molt";
const n = 3;
console.log(`Hello ${name}, ${n} + ${n} = ${n + n}`); // expect: Hello Molt, 3 + 3 = 6
console.log(`${null} ${undefined} ${true} ${[1, 2]} ${{}}`); // expect: null undefined true 1,2 [object Object]
console.log(`${0.1 + 0.2} ${-0} ${1e21} ${NaN}`); // expect: 0.30000000000000004 0 1e+21 NaN
console.log(`${[]}|${[[]]}|${[null]}|${[1, [2, 3]]}`); // expect: |||1,2,3
console.log(`${"a" + `${"b" + `${"c"}`}`}`); // expect: abc
console.log(`no interpolation`, `$ {not} \${escaped}`); // expect: no interpolation $ {not} ${escaped}
class Temp {
  constructor(c) {
    this.c = c;
  }
  toString() {
    return `${this.c}°C`;
  }
}
console.log(`It is ${new Temp(21)} today`); // expect: It is 21°C today
const fn = (x) => x * 2;
console.log(`${fn(4)} ${n > 2 ? "big" : "small"} ${[1, 2, 3].map(fn).join("+")}`); // expect: 8 big 2+4+6
