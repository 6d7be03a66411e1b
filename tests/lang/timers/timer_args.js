// Extra setTimeout arguments are passed to the callback; timers can schedule timers.
function greet(greeting, name) {
  console.log(`${greeting}, ${name}!`);
}
setTimeout(greet, 10, "Hello", "timers"); // expect: Hello, timers!

let depth = 0;
function chain() {
  depth++;
  console.log(`chain ${depth}`);
  if (depth < 3) setTimeout(chain, 10);
}
setTimeout(chain, 30);
// expect: chain 1
// expect: chain 2
// expect: chain 3
setTimeout((x, y) => console.log(x + y), 120, 40, 2); // expect: 42
