// A game's monsters, fields inferred from the constructor. v2 renames 'hp' to 'health'
// (the differ sees it), drops the unused 'sprite' and adds a 'level' computed in the
// constructor (live monsters get undefined unless a policy says otherwise).
class Monster {
  constructor(kind, health) {
    this.kind = kind;
    this.health = health;
    this.level = Math.ceil(health / 10);
  }

  hit(damage) {
    this.health = Math.max(0, this.health - damage);
    return this;
  }

  alive() {
    return this.health > 0;
  }
}

const monsters = [new Monster("orc", 30), new Monster("bat", 5)];
monsters[0].hit(12);
monsters[1].hit(9);
const orc = monsters[0];
console.log(monsters.map((m) => `${m.kind}:${m.health}:${m.alive()}`).join(" "));
