// A thermostat with an accessor pair: v2 clamps the setter, changes the getter's format and
// adds a getter 'fahrenheit'.
class Thermostat {
  constructor(room, celsius) {
    this.room = room;
    this._c = celsius;
  }

  get target() {
    return `${this._c}C`;
  }

  set target(c) {
    this._c = c;
  }
}

const living = new Thermostat("living", 20);
living.target = 35;
console.log(`${living.room} ${living.target}`);
