// Rectangles and squares with only the basics.
class Rect {
  constructor(w, h) {
    this.w = w;
    this.h = h;
  }

  toString() {
    return `${this.constructor.name} ${this.w}x${this.h}`;
  }
}

class Square extends Rect {
  constructor(side) {
    super(side, side);
  }
}

const shapes = [new Rect(2, 3), new Square(4)];
console.log(shapes.join(", "), typeof shapes[0].scale);
