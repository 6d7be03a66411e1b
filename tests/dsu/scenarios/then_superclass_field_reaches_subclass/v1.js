// Game entities: v2 adds a 'visible' field (initializer true) and a 'tag' field to the
// Entity base class; live Player and Enemy instances, laid out after Entity's fields, get
// them and keep their own fields.
class Entity {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  moveBy(dx, dy) {
    this.x += dx;
    this.y += dy;
  }
}

class Player extends Entity {
  constructor(name) {
    super(0, 0);
    this.name = name;
    this.lives = 3;
  }
}

class Enemy extends Entity {
  constructor(kind, x, y) {
    super(x, y);
    this.kind = kind;
  }
}

const world = [new Player("ada"), new Enemy("slime", 5, 5), new Enemy("bat", 9, 1)];
world[0].moveBy(1, 2);
const player = world[0];
console.log(world.map((e) => `${e.x},${e.y}`).join(" "));
