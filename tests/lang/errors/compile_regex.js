// Regular expression literals are not part of the subset.
const pattern = /ab+c/;
console.log(pattern);
// expect compile error: 2:17: regular expression literals are not supported
