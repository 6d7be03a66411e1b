// An uncaught RangeError thrown from deep inside nested calls.
function check(n) {
  if (n > 3) throw new RangeError("bad");
  return n;
}
function loop() {
  for (let i = 0; i < 10; i++) console.log("checked", check(i));
}
try {
  check(100);
} catch (e) {
  console.log("caught first:", e.message); // expect: caught first: bad
}
loop();
// expect: checked 0
// expect: checked 1
// expect: checked 2
// expect: checked 3
// expect runtime error: RangeError: bad
