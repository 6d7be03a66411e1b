// Static factory and utility methods; `this` in a static method is the class.
class Temperature {
  constructor(celsius) {
    this.celsius = celsius;
  }
  static fromFahrenheit(f) {
    return new Temperature(Math.round(((f - 32) * 5) / 9));
  }
  static zero() {
    return new this(0);
  }
  static compare(a, b) {
    return a.celsius - b.celsius;
  }
  static describe() {
    return `class ${this.name}`;
  }
  toString() {
    return `${this.celsius}C`;
  }
}

const temps = [new Temperature(30), Temperature.fromFahrenheit(212), Temperature.zero()];
temps.sort(Temperature.compare);
console.log(temps.join(" ")); // expect: 0C 30C 100C
console.log(Temperature.describe()); // expect: class Temperature
const { compare } = Temperature;
console.log(compare(temps[2], temps[0])); // expect: 100
console.log(typeof Temperature.zero, typeof temps[0].zero); // expect: function undefined
