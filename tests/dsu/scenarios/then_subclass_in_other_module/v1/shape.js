// The base class lives in its own module.
class Shape {
  constructor(name) {
    this.name = name;
  }

  describe() {
    return `${this.name}:${this.area()}`;
  }
}

module.exports = { Shape };
