// Regular-expression literals and `new RegExp`: source, flags and their getters,
// toString, and how console.log shows them.
const re = /ab+c/gi;
console.log(re.source, re.flags, re.global, re.ignoreCase, re.multiline); // expect: ab+c gi true true false
console.log(re.dotAll, re.unicode, re.sticky, re.hasIndices, re.lastIndex); // expect: false false false false 0
console.log(String(re), re.toString(), `${/x\/y/}`); // expect: /ab+c/gi /ab+c/gi /x\/y/
console.log(re, [/a/, /b/m], { pattern: /c+/y }); // expect: /ab+c/gi [ /a/, /b/m ] { pattern: /c+/y }
console.log(typeof re, re instanceof RegExp, re.constructor === RegExp); // expect: object true true
const built = new RegExp("a/b", "mg");
console.log(built.source, built.flags, built); // expect: a\/b gm /a\/b/gm
console.log(new RegExp("").source, new RegExp().toString(), RegExp("x", "i").flags); // expect: (?:) /(?:)/ i
console.log(new RegExp(/q+/g).flags, new RegExp(/q+/g, "i").flags, new RegExp("\n").source); // expect: g i \n
const same = /z/;
console.log(RegExp(same) === same, new RegExp(same) === same); // expect: true false
console.log(/[/]/.source, /\d{2,}/.test("x12"), /^$/.test("")); // expect: [/] true true
function makeRegExps() {
  const out = [];
  for (let i = 0; i < 3; i++) out.push(/k/g);
  return out;
}
const three = makeRegExps();
console.log(three[0] === three[1], three[0].source === three[1].source); // expect: false true
three[0].lastIndex = 5;
console.log(three[0].lastIndex, three[1].lastIndex); // expect: 5 0
console.log(/a/dgimsuy.flags, new RegExp("a", "yusmigd").flags); // expect: dgimsuy dgimsuy
