// An event emitter storing callbacks in a Map of arrays.
class Emitter {
  constructor() {
    this.handlers = new Map();
  }
  on(event, fn) {
    if (!this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(fn);
    return () => {
      const list = this.handlers.get(event);
      list.splice(list.indexOf(fn), 1);
    };
  }
  emit(event, ...args) {
    const list = this.handlers.get(event) ?? [];
    for (const fn of list.slice()) fn(...args);
    return list.length;
  }
}

const em = new Emitter();
const seen = [];
const off = em.on("data", (x) => seen.push(`first:${x}`));
em.on("data", (x, y) => seen.push(`second:${x}${y ?? ""}`));
console.log(em.emit("data", 1)); // expect: 2
off();
console.log(em.emit("data", 2, "!")); // expect: 1
console.log(em.emit("none")); // expect: 0
console.log(seen); // expect: [ 'first:1', 'second:1', 'second:2!' ]
