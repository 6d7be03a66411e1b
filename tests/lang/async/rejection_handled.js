// process.on("rejectionHandled"): a rejection reported to an unhandledRejection listener
// that gets a handler later is announced once, with its promise, after the microtasks of
// the turn that attached the handler and before the next macrotask; a rejection handled
// in time is never reported nor announced.
let reported;
process.on("unhandledRejection", (reason, promise) => {
  console.log("unhandled", reason instanceof Error ? reason.message : reason);
  reported = promise;
});
process.on("rejectionHandled", (promise) => console.log("handled late", promise === reported));
const late = Promise.reject(1);
const inTime = Promise.reject(2);
inTime.catch((e) => console.log("caught in time", e));
setTimeout(() => {
  late.catch((e) => console.log("caught", e));
  console.log("attached");
  Promise.resolve().then(() => console.log("microtask"));
  setImmediate(() => console.log("immediate"));
  late.then(() => {}, () => console.log("second handler"));
  setTimeout(step2, 5);
}, 10);
function step2() {
  const e = Promise.reject(new Error("boom"));
  setTimeout(() => {
    e.catch(() => console.log("caught boom"));
    setTimeout(() => console.log("end"), 5);
  }, 5);
}
// expect: caught in time 2
// expect: unhandled 1
// expect: attached
// expect: caught 1
// expect: microtask
// expect: second handler
// expect: handled late true
// expect: immediate
// expect: unhandled boom
// expect: caught boom
// expect: handled late true
// expect: end
