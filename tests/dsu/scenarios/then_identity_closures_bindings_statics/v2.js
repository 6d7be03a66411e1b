// A game keeps its player in a module binding, a static field, another object's field and
// closures (an event handler). v2 changes Player's layout; all of them must see the same
// migrated player.
class Player {
  constructor(name) {
    this.name = name;
    this.health = 10;
    this.shield = 2;
  }

  hit(dmg) {
    this.health -= Math.max(0, dmg - this.shield);
    return this;
  }
}

class Game {
  static current = null;

  constructor(player) {
    this.player = player;
    Game.current = this;
  }
}

const hero = new Player("ada");
const game = new Game(hero);
const handlers = [];
function on(fn) {
  handlers.push(fn);
}
on(() => hero);
on((dmg) => hero.hit(dmg));
console.log(`${hero.name} ${hero.health}`);
