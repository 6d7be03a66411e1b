// length, indexing, charAt, charCodeAt, codePointAt, at.
const s = "Hello, World";
console.log(s.length, s[0], s[s.length - 1], s[100]); // expect: 12 H d undefined
console.log(s.charAt(4), JSON.stringify(s.charAt(99)), s.charCodeAt(0), s.codePointAt(1)); // expect: o "" 72 101
console.log(s.at(0), s.at(-1), s.at(-5), s.at(50)); // expect: H d W undefined
console.log(isNaN(s.charCodeAt(50)), s.codePointAt(50)); // expect: true undefined
console.log("".length, "a\tb".length, "é".length); // expect: 0 3 1

function caesar(text, shift) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + shift) % 26) + 97);
    else out += text[i];
  }
  return out;
}
console.log(caesar("attack at dawn!", 3)); // expect: dwwdfn dw gdzq!
console.log(String.fromCharCode(74, 83), JSON.stringify(String.fromCharCode())); // expect: JS ""
