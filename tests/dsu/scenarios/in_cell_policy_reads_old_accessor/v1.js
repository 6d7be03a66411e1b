// Readings keep degrees Celsius; the old class reads them through an accessor and a method
// that the update replaces along with the field.
class Reading {
  constructor(place, celsius) {
    this.place = place;
    this.celsius = celsius;
  }

  get fahrenheit() {
    return (this.celsius * 9) / 5 + 32;
  }

  describe() {
    return `${this.place} ${this.fahrenheit}F`;
  }
}

const readings = [new Reading("oslo", -5), new Reading("rome", 20)];
const oslo = readings[0];
for (let k = 0; k < 30; k++) readings[k % 2].describe(); // warm the caches
console.log(readings.map((r) => r.describe()).join(", "));
