// class MyPromise extends Promise: then, catch and finally return MyPromises (the receiver's
// constructor, as node's default Symbol.species), the statics build `this` (resolve, reject,
// all, allSettled, any, race), Promise.resolve adopts a subclass's promise instead of
// returning it, and `await` on one takes node's number of ticks.
class MyPromise extends Promise {
  constructor(executor) {
    super(executor);
    this.tag = "mine";
  }
  describe() {
    return "MyPromise " + this.tag;
  }
}
const p = new MyPromise((resolve) => resolve(1));
console.log(p instanceof MyPromise, p instanceof Promise, p.tag, p.describe());
const t = p.then((v) => v + 1);
console.log(t instanceof MyPromise, t.tag, t.describe());
console.log(p.catch(() => {}) instanceof MyPromise, p.finally(() => {}) instanceof MyPromise);
const r = MyPromise.resolve(5);
console.log(r instanceof MyPromise, MyPromise.resolve(p) === p, Promise.resolve(p) === p,
  MyPromise.resolve(Promise.resolve(1)) instanceof MyPromise);
const rejected = MyPromise.reject(new Error("no"));
console.log(rejected instanceof MyPromise);
rejected.catch((e) => console.log("caught", e.message)).then((x) => console.log("after catch", x));
for (const name of ["all", "allSettled", "any", "race"])
  console.log(name, MyPromise[name]([1, MyPromise.resolve(2)]) instanceof MyPromise);
MyPromise.all([1, MyPromise.resolve(2), Promise.resolve(3)]).then((v) => console.log("all", v));
MyPromise.allSettled([MyPromise.reject(4)]).then((v) => console.log("allSettled", v));
t.then((v) => console.log("t", v));
p.finally(() => console.log("finally ran")).then((v) => console.log("finally passes", v));
class Counting extends Promise {
  static made = 0;
  constructor(executor) {
    super(executor);
    Counting.made++;
  }
}
Counting.resolve(1).then(() => {}).then(() => console.log("made", Counting.made));
// ticks: awaiting a subclass promise goes through its then (a thenable), a plain one does not
const log = [];
(async () => { await new MyPromise((res) => res("sub")); log.push("await sub"); })();
(async () => { await Promise.resolve("plain"); log.push("await plain"); })();
Promise.resolve().then(() => log.push("tick 1")).then(() => log.push("tick 2"))
  .then(() => log.push("tick 3")).then(() => log.push("tick 4"))
  .then(() => console.log(log.join(", ")));
(async () => {
  const v = await new MyPromise((res) => setTimeout(() => res("late"), 5));
  console.log("awaited", v);
  console.log(p);
})();
// expect: true true mine MyPromise mine
// expect: true mine MyPromise mine
// expect: true true
// expect: true true false true
// expect: true
// expect: all true
// expect: allSettled true
// expect: any true
// expect: race true
// expect: caught no
// expect: finally ran
// expect: t 2
// expect: after catch undefined
// expect: allSettled [ { status: 'rejected', reason: 4 } ]
// expect: made 3
// expect: all [ 1, 2, 3 ]
// expect: finally passes 1
// expect: await plain, tick 1, tick 2, await sub, tick 3, tick 4
// expect: awaited late
// expect: MyPromise [Promise] { 1, tag: 'mine' }
