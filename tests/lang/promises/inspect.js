// console.log of promises, as node prints them.
console.log(Promise.resolve(1));
console.log(new Promise(() => {}));
console.log([Promise.resolve({ a: 1, b: [2] }), Promise.resolve("s")]);
const rejected = Promise.reject(42);
rejected.catch(() => {});
console.log(rejected);
console.log({ p: Promise.resolve(undefined) });
console.log(typeof Promise, typeof queueMicrotask, typeof setImmediate, typeof clearImmediate);

// expect: Promise { 1 }
// expect: Promise { <pending> }
// expect: [ Promise { { a: 1, b: [Array] } }, Promise { 's' } ]
// expect: Promise { <rejected> 42 }
// expect: { p: Promise { undefined } }
// expect: function function function function
