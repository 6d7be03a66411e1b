// An invalid regular-expression literal is a compile error at the literal, with node's message.
const ok = /fine/;
const broken = /(/g;
// expect compile error: 3:16: Invalid regular expression: /(/g: Unterminated group
