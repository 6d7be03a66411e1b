// A scheduler renames class Job to Task (same body) and declares an unrelated class under
// the old name Job. Live jobs become Task instances, keep their identity and run the Task
// code (clone() makes a Task); the new Job is a class of its own.
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
