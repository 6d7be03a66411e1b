// Indices are UTF-16 code units, as in JavaScript, whatever the string's contents.
const s = "héllo wörld 😀 end";
const m = /w(ö)rld/.exec(s);
console.log(m.index, m[1], s.slice(m.index, m.index + m[0].length)); // expect: 6 ö wörld
console.log(s.search(/end/), s.match(/\S+/g), s.indexOf("end")); // expect: 15 [ 'héllo', 'wörld', '😀', 'end' ] 15
console.log(/😀/.exec(s).index, /😀 (e)/d.exec(s).indices[1]); // expect: 12 [ 15, 16 ]
const wide = /./g;
wide.lastIndex = 12;
console.log(wide.exec(s)[0].charCodeAt(0), wide.lastIndex); // expect: 55357 13
const uni = /./gu;
uni.lastIndex = 12;
console.log(uni.exec(s)[0], uni.lastIndex); // expect: 😀 14
console.log("😀😀".replace(/(?:)/gu, "-"), "😀😀".replace(/(?:)/g, "-").length); // expect: -😀-😀- 9
console.log("a😀b".split(/(?:)/u), "a😀b".split("").length); // expect: [ 'a', '😀', 'b' ] 4
console.log("ÄÖÜ äöü".replace(/[äöü]/gi, (c, i) => i), "日本語テキスト".match(/\p{Script=Han}+/u)[0]); // expect: 012 456 日本語
console.log("x\u2028y".split(/$/m).map((p) => p.length), "naïve café".match(/\b\w+\b/g)); // expect: [ 1, 2 ] [ 'na', 've', 'caf' ]
const lone = "a\ud800b";
console.log(/\ud800/.test(lone), lone.replace(/\ud800/, "?"), /b/u.exec(lone).index); // expect: true a?b 2
