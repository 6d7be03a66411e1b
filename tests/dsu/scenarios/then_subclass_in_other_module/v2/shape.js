// The base class lives in its own module.
class Shape {
  color = "grey";

  constructor(name) {
    this.name = name;
  }

  describe() {
    return `${this.color} ${this.name} of area ${this.area()}`;
  }
}

module.exports = { Shape };
