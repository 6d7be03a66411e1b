// The shapes of the bounce example. Edit them while the program runs: change a colour,
// the gravity, how a ball is drawn, or add a field (its policy gives live shapes a value).
class Shape {
  constructor(x, y, vx, vy) {
    this.x = x;
    this.y = y;
    this.vx = vx;
    this.vy = vy;
  }

  // Moves one frame and bounces off the walls; returns true when it hit one.
  step(width, height) {
    this.vy += 0.15;
    this.x += this.vx;
    this.y += this.vy;
    let hit = false;
    const r = this.extent();
    if (this.x < r || this.x > width - r) {
      this.vx = -this.vx;
      this.x = Math.min(Math.max(this.x, r), width - r);
      hit = true;
    }
    if (this.y > height - r) {
      this.vy = -Math.abs(this.vy) * 0.98;
      this.y = height - r;
      hit = true;
    }
    return hit;
  }

  extent() {
    return 10;
  }
}

class Ball extends Shape {
  constructor(x, y, vx, vy, radius, color) {
    super(x, y, vx, vy);
    this.radius = radius;
    this.color = color;
  }

  extent() {
    return this.radius;
  }

  draw() {
    Canvas.fillCircle(this.x, this.y, this.radius, this.color);
    Canvas.strokeCircle(this.x, this.y, this.radius, "rgba(255, 255, 255, 0.6)", 2);
  }
}

class Block extends Shape {
  constructor(x, y, vx, vy, size) {
    super(x, y, vx, vy);
    this.size = size;
  }

  extent() {
    return this.size / 2;
  }

  draw() {
    const half = this.size / 2;
    Canvas.fillRect(this.x - half, this.y - half, this.size, this.size, "#f2c14e");
  }
}

module.exports = { Shape, Ball, Block };
