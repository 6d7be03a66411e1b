// A resource manager that always releases resources, even on error.
class Pool {
  constructor() {
    this.inUse = 0;
    this.log = [];
  }
  acquire(name) {
    this.inUse++;
    this.log.push(`+${name}`);
    return name;
  }
  release(name) {
    this.inUse--;
    this.log.push(`-${name}`);
  }
  use(name, fn) {
    const r = this.acquire(name);
    try {
      return fn(r);
    } finally {
      this.release(r);
    }
  }
}

const pool = new Pool();
console.log(pool.use("a", (r) => r.toUpperCase())); // expect: A
try {
  pool.use("b", () => {
    pool.use("c", () => {
      throw new Error("nested failure");
    });
  });
} catch (e) {
  console.log(e.message); // expect: nested failure
}
console.log(pool.inUse, pool.log.join(" ")); // expect: 0 +a -a +b +c -c -b
