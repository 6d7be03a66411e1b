// A getter, a static method and the constructor's body change (the constructor assigns
// the same fields): the class is updated in place. Live instances keep their field values
// (the constructor does not re-run for them); new instances run the new constructor; a
// static method held as a value runs the new code.
class Temperature {
  static made = 0;

  constructor(celsius) {
    this.celsius = celsius;
    this.scale = "C";
    Temperature.made++;
  }

  get label() {
    return `${this.celsius}${this.scale}`;
  }

  static parse(text) {
    return new Temperature(Number(text));
  }
}

const temps = [new Temperature(20), Temperature.parse("31")];
const parse = Temperature.parse;
const first = temps[0];
console.log(temps.map((t) => t.label).join(" "), Temperature.made);
