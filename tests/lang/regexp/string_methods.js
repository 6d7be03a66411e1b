// String methods with regular expressions: match, matchAll, search, replace,
// replaceAll (patterns and functions) and split (captures, limit).
const s = "The year 1999 and 2024, then 3000.";
console.log(s.match(/\d+/g), s.match(/\d+/), s.match(/xyz/g), s.match(/xyz/)); // expect: [ '1999', '2024', '3000' ] [
// expect:   '1999',
// expect:   index: 9,
// expect:   input: 'The year 1999 and 2024, then 3000.',
// expect:   groups: undefined
// expect: ] null null
console.log("aaa".match(/a*?/g), "abc".match(/(?:)/g), "x".match("x").index); // expect: [ '', '', '', '' ] [ '', '', '', '' ] 0
for (const m of "a1b22c333".matchAll(/([a-z])(\d+)/g)) console.log(m[0], m[1], m[2], m.index); // expect: a1 a 1 0
// expect: b22 b 22 2
// expect: c333 c 333 5
console.log([..."k=v; x=y".matchAll(/(?<key>\w)=(?<val>\w)/g)].map((m) => m.groups.key + m.groups.val)); // expect: [ 'kv', 'xy' ]
console.log(Array.from("aXbX".matchAll(/X/g), (m) => m.index)); // expect: [ 1, 3 ]
console.log(s.search(/\d/), s.search(/zzz/), "a.b".search("."), "abc".search(/C/i)); // expect: 9 -1 0 2
console.log("John Smith".replace(/(\w+)\s(\w+)/, "$2, $1")); // expect: Smith, John
console.log("a-b-c".replace(/-/g, "+"), "a-b-c".replace(/-/, "+"), "a-b-c".replaceAll(/-/g, "=")); // expect: a+b+c a+b-c a=b=c
console.log("price: 10".replace(/\d+/, "$$$&.00"), "abc".replace(/b/, "[$`|$'|$&]")); // expect: price: $10.00 a[a|c|b]c
console.log("2024-03-15".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>")); // expect: 15/03/2024
console.log("ab".replace(/(a)(b)/, "$2$1$3$0$10$01"), "abc".replace(/b/, "$<x>")); // expect: ba$3$0a0a a$<x>c
console.log("one two".replace(/\w+/g, (w) => w.toUpperCase())); // expect: ONE TWO
console.log("a1b2".replace(/([a-z])(\d)/g, (all, letter, digit, offset, whole) => `${letter}${digit * 2}@${offset}/${whole.length}`)); // expect: a2@0/4b4@2/4
console.log("x=1".replace(/(?<name>\w)=(?<value>\d)/, (...args) => JSON.stringify(args))); // expect: ["x=1","x","1",0,"x=1",{"name":"x","value":"1"}]
console.log("aaa".replace(/a*/g, "X"), "abc".replace(/(?:)/g, "-"), "".replace(/^/, "start")); // expect: XX -a-b-c- start
try {
  "abc".replaceAll(/b/, "x");
} catch (e) {
  console.log(e.name, e.message); // expect: TypeError String.prototype.replaceAll called with a non-global RegExp argument
}
try {
  [..."abc".matchAll(/b/)];
} catch (e) {
  console.log(e.name, e.message); // expect: TypeError String.prototype.matchAll called with a non-global RegExp argument
}
console.log("a, b,c ,d".split(/\s*,\s*/), "a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/)); // expect: [ 'a', 'b', 'c', 'd' ] [ 'a', 'b', 'c', '' ] [
// expect:   'a', '1', 'b',
// expect:   '2', 'c', '3',
// expect:   ''
// expect: ]
console.log("abc".split(/(?:)/), "".split(/x/), "".split(/(?:)/), "a,b,c".split(/,/, 2)); // expect: [ 'a', 'b', 'c' ] [ '' ] [] [ 'a', 'b' ]
console.log("one  two".split(/(\s)(\s)?/), "test".split(/(t)/), "ab".split(/(x)?/)); // expect: [ 'one', ' ', ' ', 'two' ] [ '', 't', 'es', 't', '' ] [ 'a', undefined, 'b' ]
const g = /o/g;
g.lastIndex = 2;
console.log("foo".replace(g, "0"), g.lastIndex, "foo".search(g), g.lastIndex); // expect: f00 0 1 0
const y = /a/y;
console.log("aab".replace(y, "X"), y.lastIndex, "aab".replace(y, "X"), y.lastIndex, "aab".replace(y, "X")); // expect: Xab 1 aXb 2 aab
console.log("aab".split(/a/y), "AbAb".replace(/a/gi, "z")); // expect: [ '', '', 'b' ] zbzb
