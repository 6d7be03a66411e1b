// Modules exporting classes; subclassing an imported class.
const { Shape, Rect, version } = require("./_shapes");
const Stack = require("./_stack");

class Square extends Rect {
  constructor(s) {
    super(s, s);
    this.name = "square";
  }
}

console.log(version, Stack.name); // expect: 1.0 Stack
const shapes = [new Rect(2, 3), new Square(4), new Shape("blob")];
for (const s of shapes) console.log(s.describe());
// expect: rect: 6
// expect: square: 16
// expect: blob: 0
console.log(shapes[1] instanceof Shape, shapes[1]); // expect: true Square { name: 'square', w: 4, h: 4 }
const st = new Stack().push(1).push(2);
console.log(st.pop(), st.size, st); // expect: 2 1 Stack { items: [ 1 ] }
