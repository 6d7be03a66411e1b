// A thermostat exposing a Fahrenheit view of its Celsius target through an accessor pair.
class Thermostat {
  #changes = 0;

  constructor(room) {
    this.room = room;
    this.celsius = 20;
  }

  get fahrenheit() {
    return (this.celsius * 9) / 5 + 32;
  }

  set fahrenheit(f) {
    this.#changes++;
    this.celsius = ((f - 32) * 5) / 9;
  }

  get changes() {
    return this.#changes;
  }
}

const hall = new Thermostat("hall");
hall.fahrenheit = 77;
hall.fahrenheit = 68;
console.log(hall.room, hall.celsius, hall.fahrenheit, hall.changes);
