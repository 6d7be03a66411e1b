// Invalid patterns given to `new RegExp` throw SyntaxError with node's messages.
const cases = [["("], [")"], ["*"], ["[a"], ["a{2,1}"], ["[z-a]"], ["(?x)"], ["a++"], ["\\"],
  ["(?<a>x)(?<a>y)"], ["\\k<b>(?<a>x)"], ["(?<1a>x)"], ["\\q", "u"], ["{", "u"], ["a", "gg"],
  ["a", "x"], ["(", "g"]];
for (const [src, flags] of cases) {
  try {
    new RegExp(src, flags);
    console.log("no error", src);
  } catch (e) {
    console.log(e instanceof SyntaxError, e.name + ": " + e.message); // expect: true SyntaxError: Invalid regular expression: /(/: Unterminated group
    // expect: true SyntaxError: Invalid regular expression: /)/: Unmatched ')'
    // expect: true SyntaxError: Invalid regular expression: /*/: Nothing to repeat
    // expect: true SyntaxError: Invalid regular expression: /[a/: Unterminated character class
    // expect: true SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier
    // expect: true SyntaxError: Invalid regular expression: /[z-a]/: Range out of order in character class
    // expect: true SyntaxError: Invalid regular expression: /(?x)/: Invalid group
    // expect: true SyntaxError: Invalid regular expression: /a++/: Nothing to repeat
    // expect: true SyntaxError: Invalid regular expression: /\/: \ at end of pattern
    // expect: true SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name
    // expect: true SyntaxError: Invalid regular expression: /\k<b>(?<a>x)/: Invalid named capture referenced
    // expect: true SyntaxError: Invalid regular expression: /(?<1a>x)/: Invalid capture group name
    // expect: true SyntaxError: Invalid regular expression: /\q/u: Invalid escape
    // expect: true SyntaxError: Invalid regular expression: /{/u: Lone quantifier brackets
    // expect: true SyntaxError: Invalid flags supplied to RegExp constructor 'gg'
    // expect: true SyntaxError: Invalid flags supplied to RegExp constructor 'x'
    // expect: true SyntaxError: Invalid regular expression: /(/g: Unterminated group
  }
}
try {
  RegExp.prototype;
  const exec = /a/.exec;
  exec.call("not a regexp", "a");
} catch (e) {
  console.log(e.name); // expect: TypeError
}
