// A recursive method loops in three frames of one thread at once: the top frame reaches
// back-edges, the two below it wait in the recursive call, whose result feeds an
// expression, so its return is no update point. No frame can move (moving only the top one
// would leave the others in old code after the swap): the update waits, times out and
// rolls back naming each frame and why.
class Walker {
  constructor() {
    this.n = 0;
    this.running = true;
  }

  walk(depth) {
    let entered = false;
    while (this.running) {
      if (depth < 2 && !entered) {
        entered = this.walk(depth + 1) === undefined;
      }
      this.n += 10;
      Thread.sleep(1);
    }
  }
}

const walker = new Walker();
Thread.spawn(() => walker.walk(0));
while (walker.n < 3) Thread.sleep(1);
console.log(`v1 n=${walker.n}`);
