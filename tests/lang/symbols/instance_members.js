// Instances answer the symbol-keyed members of their class (methods, getters, inherited
// ones); `s in obj` sees them. A symbol outside the class is a property an instance's
// fixed layout cannot take, as any name outside it (the program's last line).
class Shape {
  constructor(name) { this.name = name; }
  get [Symbol.toStringTag]() { return `Shape:${this.name}`; }
  [Symbol.toPrimitive](hint) { return hint === "number" ? this.name.length : this.name; }
}
class Square extends Shape {}
const sq = new Square("square");
console.log(sq[Symbol.toStringTag], Symbol.toStringTag in sq, Symbol.iterator in sq); // expect: Shape:square true false
console.log(+sq, `${sq}`); // expect: 6 square
console.log(Object.keys(sq), JSON.stringify(sq)); // expect: [ 'name' ] {"name":"square"}
console.log(sq); // expect: Square [Shape:square] { name: 'square' }
const extra = Symbol("extra");
console.log(sq[extra]); // expect: undefined
sq[extra] = 1; // expect runtime error: TypeError: Cannot add field 'Symbol(extra)' to an instance of Square
