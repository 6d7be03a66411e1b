// Relational operators on numbers, strings and mixed types.
console.log(1 < 2, 2 <= 2, 3 > 4, 4 >= 4); // expect: true true false true
console.log("apple" < "banana", "Zebra" < "apple", "a" < "aa"); // expect: true true true
console.log("10" < "9", 10 < 9, "10" < 9); // expect: true false false
console.log(NaN < 1, NaN > 1, NaN <= NaN, NaN === NaN); // expect: false false false false
console.log(null < 1, null >= 0, undefined < 1); // expect: true true false
console.log(Infinity > Number.MAX_VALUE, -Infinity < -Number.MAX_VALUE); // expect: true true
console.log(true > false, "b" > "B"); // expect: true true
const versions = ["1.10", "1.9", "1.2"];
console.log(versions.slice().sort()); // expect: [ '1.10', '1.2', '1.9' ]
console.log([3, 20, 100].sort()); // expect: [ 100, 20, 3 ]
console.log([3, 20, 100].sort((a, b) => a - b)); // expect: [ 3, 20, 100 ]
