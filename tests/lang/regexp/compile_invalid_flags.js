// An unknown or repeated flag on a literal is a compile error at the literal.
const r = /a/gg;
// expect compile error: 2:11: Invalid regular expression flags
