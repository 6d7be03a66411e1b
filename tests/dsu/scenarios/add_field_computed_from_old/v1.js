// Temperature sensors that only know Celsius.
class Sensor {
  constructor(id, celsius) {
    this.id = id;
    this.celsius = celsius;
  }

  record(celsius) {
    this.celsius = celsius;
  }

  toString() {
    return `${this.id}=${this.celsius}C`;
  }
}

const sensors = [new Sensor("kitchen", 21), new Sensor("oven", 180), new Sensor("freezer", -20)];
sensors[0].record(22.5);
console.log(sensors.map(String).join(" "));
