// Promise.all / allSettled / race / any, with AggregateError. Timer delays are 30 ms apart
// so that a slow machine keeps their order.
const later = (v, ms) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
Promise.all([1, later(2, 150), Promise.resolve(3)]).then((v) => console.log("all", v));
Promise.all([]).then((v) => console.log("all empty", v));
Promise.all([later(1, 150), Promise.reject(new Error("no"))]).catch((e) => console.log("all rejects:", e.message));
Promise.allSettled([Promise.reject(1), 2, later(3, 60)]).then((v) => console.log(v));
Promise.race([later("slow", 200), later("fast", 30)]).then((v) => console.log("race", v));
Promise.any([Promise.reject(new Error("a")), later("b", 90)]).then((v) => console.log("any", v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => {
  console.log(e instanceof AggregateError, e instanceof Error, e.name, e.message, e.errors);
});
Promise.any([]).catch((e) => console.log("any empty:", e.errors.length));
Promise.all("ab").then((v) => console.log("all over a string", v));

// expect: all empty []
// expect: any empty: 0
// expect: all rejects: no
// expect: true true AggregateError All promises were rejected [ 1, 2 ]
// expect: all over a string [ 'a', 'b' ]
// expect: race fast
// expect: [
// expect:   { status: 'rejected', reason: 1 },
// expect:   { status: 'fulfilled', value: 2 },
// expect:   { status: 'fulfilled', value: 3 }
// expect: ]
// expect: any b
// expect: all [ 1, 2, 3 ]
