// A recursive method loops in three frames of one thread; the inner frames end by themselves
// once the tick budget is spent. While more than one frame is in the changed method none can
// move (the lower ones wait in the recursive call, whose result feeds an expression: its
// return is no update point), so the update waits; when the last two have returned, the one
// frame left moves to the new code at its next back-edge, so the outermost walk finishes in
// v2 code.
class Walker {
  constructor() {
    this.ticks = 0;
    this.log = [];
  }

  walk(depth) {
    let entered = false;
    while (this.ticks < 40) {
      if (depth < 2 && !entered) {
        entered = this.walk(depth + 1) === undefined;
      }
      this.ticks += 2;
      Thread.sleep(1);
    }
    this.log.push(`v2 ${depth} at ${this.ticks}`);
    if (depth === 0) console.log(this.log.join(", "));
  }
}

const walker = new Walker();
Thread.spawn(() => {
  walker.walk(0);
  walker.ticks = 0;
  walker.walk(0);
});
while (walker.ticks < 3) Thread.sleep(1);
console.log("v1 walking");
