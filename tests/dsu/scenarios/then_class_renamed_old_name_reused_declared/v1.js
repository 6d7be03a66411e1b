// Job is renamed to Task and changed (show() reads differently, a method is added), so the
// differ cannot see the rename; an unrelated class takes the old name Job. The user's patch
// states the rename: live jobs become Task instances and run the new Task code.
class Job {
  constructor(name, steps) {
    this.name = name;
    this.steps = steps;
  }

  show() {
    return `${this.name}:${this.steps}`;
  }

  clone() {
    return new Job(this.name, this.steps + 1);
  }
}

const queue = [new Job("build", 3), new Job("test", 2)];
const first = queue[0];
console.log(queue.map((j) => j.show()).join(" "));
