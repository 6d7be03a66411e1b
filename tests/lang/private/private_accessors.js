// Private getters and setters, and a public field alongside private ones.
class Thermostat {
  #celsius = 20;
  unit = "C";
  get #fahrenheit() {
    return (this.#celsius * 9) / 5 + 32;
  }
  set #fahrenheit(f) {
    this.#celsius = ((f - 32) * 5) / 9;
  }
  setF(f) {
    this.#fahrenheit = f;
  }
  read() {
    return this.unit === "C" ? `${this.#celsius}C` : `${this.#fahrenheit}F`;
  }
}

const t = new Thermostat();
console.log(t.read()); // expect: 20C
t.setF(212);
console.log(t.read()); // expect: 100C
t.unit = "F";
console.log(t.read()); // expect: 212F
console.log(t); // expect: Thermostat { unit: 'F' }
