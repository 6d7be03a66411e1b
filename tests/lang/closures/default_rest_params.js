// Default parameters (evaluated per call, may refer to earlier params) and rest parameters.
function greet(name = "stranger", greeting = `Hello, ${name}`) {
  return `${greeting}!`;
}
console.log(greet()); // expect: Hello, stranger!
console.log(greet("Ann")); // expect: Hello, Ann!
console.log(greet("Bob", "Hi")); // expect: Hi!
console.log(greet(undefined, "Yo")); // expect: Yo!
console.log(greet(null)); // expect: Hello, null!

let calls = 0;
function stamp(list = [], id = ++calls) {
  list.push(id);
  return list;
}
console.log(stamp(), stamp(), stamp([9])); // expect: [ 1 ] [ 2 ] [ 9, 3 ]

function sum(first, ...rest) {
  return `${first}+[${rest.join(",")}]=${rest.reduce((a, b) => a + b, first)}`;
}
console.log(sum(1)); // expect: 1+[]=1
console.log(sum(1, 2, 3, 4)); // expect: 1+[2,3,4]=10
const join = (sep, ...parts) => parts.join(sep);
console.log(join("/", "usr", "local", "bin")); // expect: usr/local/bin
console.log(((a, b = 2, ...c) => [a, b, c])(1)); // expect: [ 1, 2, [] ]
