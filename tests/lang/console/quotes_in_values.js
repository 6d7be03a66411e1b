// Strings are quoted inside structures; the quote style avoids escaping when possible.
console.log("top level stays raw: it's \"fine\""); // expect: top level stays raw: it's "fine"
console.log(["plain", "it's", 'say "hi"', `both ' and "`]); // expect: [ 'plain', "it's", 'say "hi"', `both ' and "` ]
console.log({ q: "all three ' \" `" }); // expect: { q: 'all three \' " `' }
console.log(["tab\t", "nl\n", "back\\slash"]); // expect: [ 'tab\t', 'nl\n', 'back\\slash' ]
console.log(new Map([["it's", 'a "b"']])); // expect: Map(1) { "it's" => 'a "b"' }
console.log(new Set(["x'y"])); // expect: Set(1) { "x'y" }
console.log([""], { empty: "" }); // expect: [ '' ] { empty: '' }
class Quote {
  constructor(text, author) {
    this.text = text;
    this.author = author;
  }
}
console.log(new Quote("Don't panic", "Douglas")); // expect: Quote { text: "Don't panic", author: 'Douglas' }
console.log([new Quote('"Hi"', "O'Neil")]); // expect: [ Quote { text: '"Hi"', author: "O'Neil" } ]
