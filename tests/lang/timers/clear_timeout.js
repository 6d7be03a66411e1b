// clearTimeout cancels pending timers, including from inside another timer. All timers are
// created by the top level, so a shorter delay fires first however slow the machine is.
const a = setTimeout(() => console.log("a never runs"), 10);
clearTimeout(a);
const b = setTimeout(() => console.log("b never runs"), 60);
setTimeout(() => {
  console.log("canceling b"); // expect: canceling b
  clearTimeout(b);
}, 20);
const c = setTimeout(() => {
  console.log("c runs"); // expect: c runs
  clearTimeout(c);
}, 30);
clearTimeout(undefined);
clearTimeout(null);
setTimeout(() => {
  clearTimeout(c);
  console.log("clearing a finished timer is harmless"); // expect: clearing a finished timer is harmless
}, 80);
const iv = setInterval(() => console.log("interval never runs"), 5);
clearInterval(iv);
