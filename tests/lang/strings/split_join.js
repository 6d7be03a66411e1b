// split with string separators and limits; join back.
console.log("a,b,,c".split(",")); // expect: [ 'a', 'b', '', 'c' ]
console.log("a,b,c".split(",", 2), "abc".split("")); // expect: [ 'a', 'b' ] [ 'a', 'b', 'c' ]
console.log("no separators".split("|"), "".split(","), "".split("")); // expect: [ 'no separators' ] [ '' ] []
console.log("one  two".split(" "), "x--y--z".split("--")); // expect: [ 'one', '', 'two' ] [ 'x', 'y', 'z' ]
console.log("abc".split()); // expect: [ 'abc' ]

const csv = "name,age\nann,31\nbob,25";
const [header, ...rows] = csv.split("\n").map((line) => line.split(","));
const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
console.log(records); // expect: [ { name: 'ann', age: '31' }, { name: 'bob', age: '25' } ]
console.log(rows.map((r) => r.join("=")).join("&")); // expect: ann=31&bob=25
