// A warehouse robot works through a pick list on a green thread, sleeping inside
// Robot.pick between items. v2 changes pick(); the top level ends with the thread parked
// inside it, so the update must not swap while that frame is live.
const log = [];

class Robot {
  constructor(name) {
    this.name = name;
    this.picked = 0;
  }

  pick(items) {
    for (const item of items) {
      Thread.sleep(5000); // far beyond the timeout, however slow the machine
      log.push(`v1 ${item}`);
      this.picked++;
    }
  }

  status() {
    return `v1 ${this.name} picked ${this.picked}`;
  }
}

const robot = new Robot("r2");
Thread.spawn(() => robot.pick(["bolt", "nut", "gear"]));
console.log(robot.status());
Thread.sleep(5); // the robot thread is now parked inside pick()
