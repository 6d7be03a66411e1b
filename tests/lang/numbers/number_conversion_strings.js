// Numbers converted to strings by concatenation, String(), templates and join.
const n = 42;
console.log(n + "", String(n), `${n}`, [n, n].join("-")); // expect: 42 42 42 42-42
console.log(1 + 2 + "3", "1" + 2 + 3, 1 + (2 + "3")); // expect: 33 123 123
console.log("5" * "2" + "1", "5" - 2 + "1"); // expect: 101 31
console.log([1, [2, [3]]] + "", String([1.5, null, undefined, 2])); // expect: 1,2,3 1.5,,,2
console.log(String(NaN), String(Infinity), NaN + "x"); // expect: NaN Infinity NaNx
console.log((25).toString(10).length, typeof String(1)); // expect: 2 string
console.log(true + 1, "x" + true, null + 1, undefined + 1); // expect: 2 xtrue 1 NaN
class Celsius {
  constructor(deg) {
    this.deg = deg;
  }
  toString() {
    return `${this.deg}C`;
  }
}
console.log(new Celsius(21.5) + "", "T=" + new Celsius(-3)); // expect: 21.5C T=-3C
