console.log("compile errors stop the program before it runs");

const first = yield 1;
// expect compile error: 3:15: yield is only valid in generator functions
