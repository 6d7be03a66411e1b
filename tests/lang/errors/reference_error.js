// Reading an undeclared variable is a ReferenceError at runtime.
function compute() {
  const known = 1;
  return known + foo;
}
console.log("start"); // expect: start
console.log(typeof foo); // expect: undefined
compute();
console.log("not reached");
// expect runtime error: ReferenceError: foo is not defined
