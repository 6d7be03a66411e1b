// A module exporting its classes and a helper with `module.exports = { ... }`.
class Shape {
  constructor(size) {
    this.size = size;
  }

  area() {
    return this.size * this.size;
  }
}

class Circle extends Shape {
  area() {
    return Math.round(3.14 * this.size * this.size);
  }
}

function describe(shape) {
  return `${shape.constructor.name}: ${shape.area()}`;
}

module.exports = { Shape, Circle, describe };
