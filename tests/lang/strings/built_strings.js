// Strings built by appending (s += piece, templates, concat) read like any other string,
// including non-ASCII and astral pieces, and earlier prefixes stay unchanged.
let s = "";
const prefixes = [];
for (let i = 0; i < 400; i++) {
  s += i % 7 === 0 ? "é" : i % 11 === 0 ? "🙂" : String.fromCharCode(97 + (i % 26));
  if (i % 100 === 99) prefixes.push(s);
}
console.log(s.length, prefixes.map((p) => p.length).join()); // expect: 431 108,216,324,431
console.log(prefixes[0] === s.slice(0, prefixes[0].length), s.startsWith(prefixes[2])); // expect: true true
const fork = prefixes[1] + "X";
const other = prefixes[1] + "Y";
console.log(fork.slice(-2), other.slice(-2), fork.length, fork.startsWith(prefixes[1])); // expect: rX rY 217 true
console.log(s.indexOf("🙂"), s.charCodeAt(11), s.codePointAt(11), s[0]); // expect: 11 55357 128578 é
console.log(s.lastIndexOf("é"), s.at(-1), [...s].length); // expect: 430 é 400

let t = "head-";
for (let i = 0; i < 300; i++) t = `${t}${i},`;
console.log(t.length, t.slice(0, 12), t.slice(-8), t.split(",").length); // expect: 1095 head-0,1,2,3 298,299, 301
const u = t.concat("ü", 5, "!");
console.log(u.length, u.endsWith("ü5!"), u.toUpperCase().slice(-4)); // expect: 1098 true ,Ü5!
const self = t + t;
console.log(self.length, self.indexOf("head-", 1), self === t.repeat(2)); // expect: 2190 1095 true

const m = new Map();
let key = "";
for (let i = 0; i < 50; i++) key += "k";
m.set(key, 1);
console.log(m.get("k".repeat(50)), JSON.stringify({ [key + "é"]: 2 }).length); // expect: 1 57
console.log(JSON.parse(JSON.stringify(s)) === s, s.replace("é", "E").slice(0, 3)); // expect: true Ebc
