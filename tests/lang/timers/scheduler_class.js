// A debouncer class built on setTimeout/clearTimeout, and a task queue drained by a timer.
class Debouncer {
  constructor(fn, ms) {
    this.fn = fn;
    this.ms = ms;
    this.timer = null;
    this.calls = 0;
  }
  call(...args) {
    this.calls++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fn(...args);
    }, this.ms);
  }
}

// Calls within one turn collapse into one save; a call after a save starts a new wait.
const save = new Debouncer((doc) => {
  console.log(`saved ${doc} after ${save.calls} calls`);
  if (doc === "v3") setTimeout(() => save.call("v4"), 10);
}, 30);

class TaskQueue {
  constructor() {
    this.tasks = [];
    this.results = [];
  }
  add(name, fn) {
    this.tasks.push({ name, fn });
  }
  drain(done) {
    const task = this.tasks.shift();
    if (!task) return done(this.results);
    this.results.push(`${task.name}=${task.fn()}`);
    setTimeout(() => this.drain(done), 0);
  }
}
const q = new TaskQueue();
q.add("sum", () => 1 + 2);
q.add("upper", () => "x".toUpperCase());
// The debounced calls start once the queue is drained, so the order does not depend on
// how fast the 0 ms timers run.
q.drain((results) => {
  console.log(results.join(" "));
  save.call("v1");
  save.call("v2");
  save.call("v3");
});
// expect: sum=3 upper=X
// expect: saved v3 after 3 calls
// expect: saved v4 after 4 calls
