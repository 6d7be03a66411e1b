// Weather readings stored in Fahrenheit.
class Reading {
  constructor(station, value) {
    this.station = station;
    this.value = value;
  }

  format() {
    return `${this.station} ${this.value}F`;
  }
}

class Log {
  readings = [];

  add(station, value) {
    this.readings.push(new Reading(station, value));
  }

  max() {
    return Math.max(...this.readings.map((r) => r.value));
  }
}

const log = new Log();
log.add("oslo", 41);
log.add("rome", 77);
log.add("cairo", 104);
console.log(log.readings.map((r) => r.format()).join(", "), "max", log.max());
