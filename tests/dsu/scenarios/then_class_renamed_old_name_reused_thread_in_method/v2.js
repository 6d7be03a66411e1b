// A thread is inside Job.spawnMore (which names Job) when the update renames Job to Task
// and declares an unrelated Job. The frame must not run on in the old code, whose `new
// Job` would now make the unrelated class: it moves to Task.spawnMore, so every job it
// makes, before or after the update, is a Task.
class Task {
  constructor(name) {
    this.name = name;
  }

  spawnMore(out) {
    for (let i = 0; i < 4; i++) {
      out.push(new Task(this.name + i));
      Thread.sleep(20);
    }
  }
}

class Job {
  constructor(owner) {
    this.owner = owner;
  }
}

const made = [];
const root = new Task("r");
Thread.spawn(() => {
  root.spawnMore(made);
  console.log(Molt.classOf(root).name, made.map((j) => `${Molt.classOf(j).name}:${j.name}`));
});
Thread.sleep(5);
