// Two unrelated classes get a field in one update: a Tag (two slots) has room for a third
// in its cell, a Sensor (three slots) has none for a fourth, so Tags migrate in cell and
// Sensors are copied and swapped, in the same commit.
class Tag {
  constructor(name) {
    this.name = name;
    this.hits = 0;
  }
}

class Sensor {
  constructor(id, tag) {
    this.id = id;
    this.tag = tag;
    this.value = id * 10;
  }

  read() {
    return `${this.id}:${this.value}@${this.tag.name}`;
  }
}

const hot = new Tag("hot");
const cold = new Tag("cold");
const sensors = [new Sensor(1, hot), new Sensor(2, cold), new Sensor(3, hot)];
const first = sensors[0];
const byTag = new Map([[hot, [sensors[0], sensors[2]]], [cold, [sensors[1]]]]);
console.log(sensors.map((s) => s.read()).join(" "));
