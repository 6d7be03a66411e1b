// Field initializers run in order, can use `this` and earlier fields,
// and run before the constructor body.
let log = [];
function note(s, v) {
  log.push(s);
  return v;
}

class Rect {
  width = note("width", 3);
  height = note("height", 4);
  area = this.width * this.height;
  label = `${this.width}x${this.height}`;
  constructor(scale) {
    note("ctor", 0);
    this.scaled = this.area * scale;
  }
}

const r = new Rect(2);
console.log(log.join(" ")); // expect: width height ctor
console.log(r.area, r.label, r.scaled); // expect: 12 3x4 24
console.log(r); // expect: Rect { width: 3, height: 4, area: 12, label: '3x4', scaled: 24 }
log = [];
new Rect(1);
console.log(log.length); // expect: 3
