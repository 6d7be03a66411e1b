// Molt only: Molt.writeInstanceVariable writes a layout field by name; unknown names throw.
// Molt.allInstances(C, true) also includes instances of subclasses.
class Shape {
  constructor(name) {
    this.name = name;
  }
}
class Circle extends Shape {
  radius = 1;
}

const s = new Shape("blob");
const c = new Circle("disc");
Molt.writeInstanceVariable(c, "radius", 5);
Molt.writeInstanceVariable(s, "name", "renamed");
console.log(c.radius, s.name); // expect: 5 renamed
console.log(Molt.readInstanceVariable(c, "name")); // expect: disc
try {
  Molt.writeInstanceVariable(s, "radius", 2);
} catch (e) {
  console.log(e instanceof TypeError); // expect: true
}
try {
  Molt.readInstanceVariable(s, "nope");
} catch (e) {
  console.log(e instanceof TypeError); // expect: true
}
console.log(Molt.allInstances(Shape).length, Molt.allInstances(Shape, true).length); // expect: 1 2
console.log(Molt.allInstances(Circle, true).map((x) => x.name)); // expect: [ 'disc' ]
