// Rest and spread together: forwarding arguments through wrappers.
function logCalls(fn, name) {
  const calls = [];
  const wrapped = (...args) => {
    calls.push(`${name}(${args.join(", ")})`);
    return fn(...args);
  };
  return { wrapped, calls };
}

const { wrapped: add, calls } = logCalls((a, b = 0, ...more) => a + b + more.reduce((s, x) => s + x, 0), "add");
console.log(add(1), add(1, 2), add(1, 2, 3, 4)); // expect: 1 3 10
console.log(calls); // expect: [ 'add(1)', 'add(1, 2)', 'add(1, 2, 3, 4)' ]

const partial = (fn, ...preset) => (...later) => fn(...preset, ...later);
const greet = (greeting, punct, name) => `${greeting}, ${name}${punct}`;
const hello = partial(greet, "Hello", "!");
console.log(hello("world")); // expect: Hello, world!
console.log(partial(Math.max, 5)(1, 9, 3)); // expect: 9
