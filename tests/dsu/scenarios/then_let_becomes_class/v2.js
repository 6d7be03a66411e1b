// Version 2: Unit is a class.
class Unit {
  static label(n) {
    return `${n} cm`;
  }
}
const lengths = [3, 4];
console.log(lengths.map((n) => Unit.label(n)).join(", "));
