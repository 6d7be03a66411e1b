// A consumer thread calls Worker.step in a loop and yields between steps. The update has to
// wait while the thread is inside step(); the first yield outside it is a safe point.
class Worker {
  constructor(name) {
    this.name = name;
    this.handled = [];
  }

  step(item) {
    Thread.sleep(20);
    this.handled.push(`v1:${item}`);
    console.log(`${this.name} v1 handled ${item}`);
  }
}

const worker = new Worker("consumer");
const queue = ["a", "b", "c", "d"];
Thread.spawn(() => {
  for (const item of queue) {
    worker.step(item);
    Thread.yield();
  }
  console.log(worker.handled.join(" "));
});
Thread.sleep(1); // the consumer is now inside step("a")
console.log("top level done");
