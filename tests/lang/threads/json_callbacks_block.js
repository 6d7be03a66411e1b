// Molt only: a JSON.stringify replacer, a toJSON method, a getter JSON.stringify reads and a
// JSON.parse reviver are ordinary frames of their thread, so they can sleep, yield and be
// preempted while other threads run (decision 0019).
const log = [];
let otherDone = false;
Thread.spawn(() => {
  for (let i = 0; i < 3; i++) {
    log.push(`other ${i}`);
    Thread.yield();
  }
  otherDone = true;
});
const text = JSON.stringify({ a: 1, b: 2 }, (k, v) => {
  log.push(`replacer '${k}'`);
  Thread.yield();
  return v;
});
while (!otherDone) Thread.yield();
console.log(text, log.join(", ")); // expect: {"a":1,"b":2} replacer '', other 0, replacer 'a', other 1, replacer 'b', other 2

class Slow {
  toJSON(key) {
    Thread.sleep(1);
    return `slow ${key}`;
  }
}
console.log(JSON.stringify([new Slow(), { s: new Slow() }])); // expect: ["slow 0",{"s":"slow s"}]
const lazy = {
  get value() {
    Thread.sleep(1);
    return 42;
  },
};
console.log(JSON.stringify(lazy)); // expect: {"value":42}
console.log(
  JSON.parse("[1,[2,3]]", (k, v) => {
    Thread.sleep(1);
    return typeof v === "number" ? v * 2 : v;
  }),
); // expect: [ 2, [ 4, 6 ] ]
