// JavaScript's pattern semantics where PCRE2 differs by default: \d \w \s, `.`, `$`
// before a final newline, ^ and $ with m, [^], backreferences, lookarounds, classes.
console.log(/^\d+$/.test("123"), /^\d$/.test("٣"), /\w/.test("é"), /\s/.test("\u00a0")); // expect: true false false true
console.log(/a.c/.test("a\nc"), /a.c/s.test("a\nc"), /a.c/.test("a\u2028c")); // expect: false true false
console.log(/end$/.test("the end\n"), /end$/m.test("the end\nnext"), /^next/m.test("the end\nnext")); // expect: false true true
console.log("a\nb\r\nc".match(/^\w$/gm)); // expect: [ 'a', 'b', 'c' ]
console.log(/[^]/.test("\n"), /[]/.test("a"), /[^]+/.exec("x\ny")[0].length); // expect: true false 3
console.log(/(a)\1/.test("aa"), /\1(a)/.exec("a")[0], /(?:(a)|b)\1/.exec("b")[0]); // expect: true a b
console.log(/(?<q>['"]).*?\k<q>/.exec(`say "hi" 'yo'`)[0]); // expect: "hi"
console.log(/(?<=\$)\d+/.exec("cost: $42")[0], /\d+(?!px)/.exec("12px 34em")[0]); // expect: 42 1
console.log(/(?<!-)\b\d+/.exec("-5 7")[0], /x(?=y)/.test("xy"), /x(?!y)/.test("xy")); // expect: 7 true false
console.log(/[\d-z]+/.exec("1-z")[0], /[a\-z]+/.exec("-az")[0], /[\w.]+@[\w.]+/.exec("mail me@x.org!")[0]); // expect: 1-z -az me@x.org
console.log(/[[]/.test("["), /a{2}/.test("aa"), /a{,2}/.test("a{,2}"), /x{/.test("x{")); // expect: true true true true
console.log(/\u0041\x42\103/.test("ABC"), /\cJ/.test("\n"), /[\b]/.test("\b"), /\0/.test("\0")); // expect: true true true true
console.log(/\bfoo\b/.test("a foo b"), /\Bfoo/.test("afoo"), /\bfoo\b/i.test("A FOO B")); // expect: true true true
console.log(/straße/i.test("STRASSE"), /ÄÖÜ/i.test("äöü"), /привет/i.test("ПРИВЕТ")); // expect: false true true
console.log(/\W/i.test("s"), /[^\W]/.test("k"), /\S+/.exec(" \t abc ")[0]); // expect: false true abc
console.log(/a|ab/.exec("abc")[0], /(a|ab)(c|bcd)(d*)/.exec("abcd")); // expect: a [ 'abcd', 'a', 'bcd', '', index: 0, input: 'abcd', groups: undefined ]
console.log(/a*?b/.exec("aaab")[0], /a+?/.exec("aaa")[0], /(a+)+b/.test("aaab")); // expect: aaab a true
console.log(/\u{1F600}/u.test("😀"), /^.$/u.test("😀"), /^.$/.test("😀"), /^..$/.test("😀")); // expect: true true false true
console.log(/\p{Lu}+/u.exec("abcDEF")[0], /\p{Script=Greek}/u.test("α"), /\P{L}/u.exec("ab1")[0]); // expect: DEF true 1
console.log(/[😀-😂]/u.test("😁"), /\u{61}/.test("a"), /\u{2}/.test("uu")); // expect: true false true
console.log(/\$\^\.\*\+\?\(\)\[\]\{\}\|\//.test("$^.*+?()[]{}|/")); // expect: true
console.log(/(?:ab){2,3}/.exec("abababab")[0], /[a-c]{2}?/.exec("abc")[0]); // expect: ababab ab
