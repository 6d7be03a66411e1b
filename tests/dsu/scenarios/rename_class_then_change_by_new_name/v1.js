// 2-D points under a cryptic class name.
class Pt {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  toString() {
    return `(${this.x}, ${this.y})`;
  }
}

const path = [new Pt(0, 0), new Pt(3, 4), new Pt(6, 8)];
const origin = path[0];
console.log(path.join(" -> "));
