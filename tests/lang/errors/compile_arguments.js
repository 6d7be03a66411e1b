// `arguments` is not supported; use rest parameters instead.
function count() {
  return arguments.length;
}
console.log(count(1, 2));
// expect compile error: 3:10: arguments is not supported
