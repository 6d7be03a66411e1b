// Job is renamed to Task and changed (show() reads differently, a method is added), so the
// differ cannot see the rename; an unrelated class takes the old name Job. The user's patch
// states the rename: live jobs become Task instances and run the new Task code.
class Job {
  constructor(owner) {
    this.owner = owner;
    this.priority = 1;
  }

  describe() {
    return `job of ${this.owner} (p${this.priority})`;
  }
}

class Task {
  constructor(name, steps) {
    this.name = name;
    this.steps = steps;
  }

  show() {
    return `task ${this.name}:${this.steps}`;
  }

  clone() {
    return new Task(this.name, this.steps + 1);
  }

  remaining() {
    return this.steps;
  }
}

const queue = [new Task("build", 3), new Task("test", 2)];
const first = queue[0];
console.log(queue.map((j) => j.show()).join(" "));
