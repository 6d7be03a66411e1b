// JSON.stringify with replacer functions, toJSON and getters, and JSON.parse with revivers:
// the calls, their order, `this` and the results are node's whichever way they run (a
// leaf function from the native half, any other from the hosted body, decision 0019).
const calls = [];
function note(s) {
  calls.push(s);
}

// A replacer that calls something (the hosted body), and one that does not (native).
const data = { a: 1, b: [1, "x", null, undefined, () => 1], c: { d: true, e: NaN }, f: undefined };
console.log(JSON.stringify(data, (k, v) => (note(k), v))); // expect: {"a":1,"b":[1,"x",null,null,null],"c":{"d":true,"e":null}}
console.log(calls.join(",")); // expect: ,a,b,0,1,2,3,4,c,d,e,f
console.log(JSON.stringify(data, (k, v) => (typeof v === "number" ? v * 10 : v))); // expect: {"a":10,"b":[10,"x",null,null,null],"c":{"d":true,"e":null}}

// `this` is the holder; the root's holder is {"": value}.
const holders = [];
JSON.stringify({ x: [7] }, function (k, v) {
  holders.push(JSON.stringify(this));
  return v;
});
console.log(holders.join(" | ")); // expect: {"":{"x":[7]}} | {"x":[7]} | [7]

// A replacer's result replaces the value, and is itself walked.
console.log(JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === "a" ? { deep: [k] } : String(v)))); // expect: "[object Object]"
console.log(JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === "" ? v : k === "a" ? { deep: [k] } : undefined))); // expect: {"a":{}}
console.log(JSON.stringify({ a: 1, b: { c: 2 } }, (k, v) => (note(k), v), 2));
// expect: {
// expect:   "a": 1,
// expect:   "b": {
// expect:     "c": 2
// expect:   }
// expect: }
console.log(JSON.stringify([{ a: [] }, {}], (k, v) => (note(k), v), "--"));
// expect: [
// expect: --{
// expect: ----"a": []
// expect: --},
// expect: --{}
// expect: ]

// toJSON gets the key; its result is replaced and walked.
class Money {
  constructor(cents) {
    this.cents = cents;
  }
  toJSON(key) {
    note("toJSON " + key);
    return { amount: this.cents / 100, key };
  }
}
calls.length = 0;
console.log(JSON.stringify({ price: new Money(250), list: [new Money(5)] })); // expect: {"price":{"amount":2.5,"key":"price"},"list":[{"amount":0.05,"key":"0"}]}
console.log(calls.join(",")); // expect: toJSON price,toJSON 0
console.log(JSON.stringify({ t: { toJSON: () => undefined }, u: 1 })); // expect: {"u":1}
console.log(JSON.stringify(new Money(1), (k, v) => (note("r " + k), v))); // expect: {"amount":0.01,"key":""}
console.log(JSON.stringify(new Date(0))); // expect: "1970-01-01T00:00:00.000Z"

// Getters are read in order, each when its property is serialized.
calls.length = 0;
const withGetters = {
  get first() {
    note("get first");
    return { toJSON: () => (note("first.toJSON"), 1) };
  },
  get second() {
    note("get second");
    return 2;
  },
};
console.log(JSON.stringify(withGetters)); // expect: {"first":1,"second":2}
console.log(calls.join(",")); // expect: get first,first.toJSON,get second
const area = { w: 2, h: 3, get area() { return this.w * this.h; } };
console.log(JSON.stringify(area)); // expect: {"w":2,"h":3,"area":6}

// A key list with a toJSON, and an array replacer mixed with indentation.
console.log(JSON.stringify({ m: new Money(100), z: 1 }, ["m", "amount"])); // expect: {"m":{"amount":1}}

// Errors thrown by a callback propagate; a cycle reached through one is node's TypeError.
try {
  JSON.stringify({ a: 1 }, (k, v) => {
    if (k === "a") throw new Error("no " + k);
    return v;
  });
} catch (e) {
  console.log(e.message); // expect: no a
}
const ring = { name: "ring", child: { items: [] } };
ring.child.items.push(ring);
try {
  JSON.stringify(ring, (k, v) => (note(k), v));
} catch (e) {
  console.log(e.constructor.name, e.message.split("\n").join(" / "));
  // expect: TypeError Converting circular structure to JSON /     --> starting at object with constructor 'Object' /     |     property 'child' -> object with constructor 'Object' /     |     property 'items' -> object with constructor 'Array' /     --- index 0 closes the circle
}
try {
  JSON.stringify({ get bad() { throw new RangeError("getter " + calls.length); }, before: 1 });
} catch (e) {
  console.log(e.name); // expect: RangeError
}

// JSON.parse with a reviver: post-order, `this` the holder, undefined deletes.
calls.length = 0;
const revived = JSON.parse('{"a":[1,2,{"b":3}],"c":"x","d":4}', function (k, v) {
  note(k + "@" + (Array.isArray(this) ? "array" : typeof this));
  if (k === "d") return undefined;
  if (k === "1") return undefined;
  return typeof v === "number" ? v + 100 : v;
});
console.log(revived); // expect: { a: [ 101, <1 empty item>, { b: 103 } ], c: 'x' }
console.log(calls.join(",")); // expect: 0@array,1@array,b@object,2@array,a@object,c@object,d@object,@object
console.log(JSON.parse("[1,2]", (k, v) => (Array.isArray(v) ? v.length : v * 2))); // expect: 2
console.log(JSON.parse('"2020-01-02T00:00:00.000Z"', (k, v) => new Date(v).getUTCFullYear())); // expect: 2020
const parsedDates = JSON.parse('{"when":"1970-01-01T00:00:01.000Z","n":1}', (k, v) =>
  k === "when" ? new Date(v) : v,
);
console.log(parsedDates.when.getTime(), parsedDates.n); // expect: 1000 1
try {
  JSON.parse('{"a":1}', (k, v) => {
    if (k === "a") throw new TypeError("reviver " + k);
    return v;
  });
} catch (e) {
  console.log(e.message); // expect: reviver a
}
