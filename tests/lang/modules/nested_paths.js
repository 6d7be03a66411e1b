// require paths into subdirectories; nested modules resolve relative to their own file.
const strings = require("./_lib/_strings");
const again = require("./_lib/../_lib/_strings.js");
console.log(strings.shout("hello")); // expect: HELLO!
console.log(strings.sumLengths("ab", "cde", "")); // expect: 5
console.log(strings === again); // expect: true
console.log(typeof module, typeof module.exports, typeof exports, typeof require); // expect: object object object function
const { shout } = strings;
const words = ["one", "two"].map(shout);
console.log(words); // expect: [ 'ONE!', 'TWO!' ]
console.log(require("./_math").add(strings.sumLengths("abc"), 1)); // expect: 4
