let x = ;
// expect compile error: 1:9: syntax error
console.log(x);
