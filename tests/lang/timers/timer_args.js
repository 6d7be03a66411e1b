// Extra setTimeout arguments are passed to the callback; timers can schedule timers. Each
// expected order follows from the semantics, not from the machine's speed: timers created
// in one turn fire by delay, and a nested timer fires after the callback that created it.
function greet(greeting, name) {
  console.log(`${greeting}, ${name}!`);
}
setTimeout(greet, 10, "Hello", "timers"); // expect: Hello, timers!

let depth = 0;
function chain() {
  depth++;
  console.log(`chain ${depth}`);
  if (depth < 3) setTimeout(chain, 10);
  else setTimeout((x, y) => console.log(x + y), 10, 40, 2);
}
setTimeout(chain, 30);
// expect: chain 1
// expect: chain 2
// expect: chain 3
// expect: 42
