const Point = class {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
};
