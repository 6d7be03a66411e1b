// EventEmitter: registration order, once, prepend, removal, counts and names.
const EventEmitter = require("events");

const e = new EventEmitter();
const log = [];
const a = (x) => log.push(`a${x}`);
const b = (x) => log.push(`b${x}`);
console.log(e.on("tick", a) === e, e.addListener("tick", b) === e); // expect: true true
e.prependListener("tick", (x) => log.push(`first${x}`));
e.once("tick", (x) => log.push(`once${x}`));
console.log(e.emit("tick", 1), e.emit("tock")); // expect: true false
e.emit("tick", 2);
console.log(log.join(" ")); // expect: first1 a1 b1 once1 first2 a2 b2
console.log(e.listenerCount("tick"), e.listenerCount("none")); // expect: 3 0
console.log(e.listeners("tick")[1] === a, e.eventNames()); // expect: true [ 'tick' ]
e.off("tick", a);
e.removeListener("tick", b);
console.log(e.listenerCount("tick")); // expect: 1
e.removeAllListeners("tick");
console.log(e.eventNames(), e.emit("tick")); // expect: [] false

// A listener added while emitting runs from the next emit; a removed one still runs once.
const f = new EventEmitter();
const order = [];
const late = () => order.push("late");
const second = () => order.push("second");
f.on("go", () => {
  order.push("first");
  f.on("go", late);
  f.off("go", second);
});
f.on("go", second);
f.emit("go");
f.emit("go");
console.log(order.join(",")); // expect: first,second,first,late

// Arguments, several of them, and prependOnceListener.
const g = new EventEmitter();
g.prependOnceListener("sum", (...xs) => console.log(xs.reduce((s, x) => s + x, 0)));
g.emit("sum", 1, 2, 3); // expect: 6
console.log(g.emit("sum", 1)); // expect: false

// newListener and removeListener events.
const h = new EventEmitter();
h.on("newListener", (name) => console.log("new", name));
h.on("removeListener", (name) => console.log("removed", name)); // expect: new removeListener
const l = () => {};
h.on("data", l); // expect: new data
h.off("data", l); // expect: removed data
h.once("end", l); // expect: new end
h.emit("end"); // expect: removed end

// Max listeners.
console.log(EventEmitter.defaultMaxListeners, h.getMaxListeners()); // expect: 10 10
console.log(h.setMaxListeners(3) === h, h.getMaxListeners()); // expect: true 3
console.log(EventEmitter.EventEmitter === EventEmitter); // expect: true
console.log(require("node:events") === EventEmitter); // expect: true

// Listeners run with `this` bound to the emitter, as in node.
const selfEmitter = new EventEmitter();
selfEmitter.on("who", function () { console.log(this === selfEmitter); });
selfEmitter.emit("who"); // expect: true
