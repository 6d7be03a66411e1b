// A game's monsters, fields inferred from the constructor. v2 renames 'hp' to 'health'
// (the differ sees it), drops the unused 'sprite' and adds a 'level' computed in the
// constructor (live monsters get undefined unless a policy says otherwise).
class Monster {
  constructor(kind, hp) {
    this.kind = kind;
    this.hp = hp;
    this.sprite = `${kind}.png`;
  }

  hit(damage) {
    this.hp = Math.max(0, this.hp - damage);
    return this;
  }

  alive() {
    return this.hp > 0;
  }
}

const monsters = [new Monster("orc", 30), new Monster("bat", 5)];
monsters[0].hit(12);
monsters[1].hit(9);
const orc = monsters[0];
console.log(monsters.map((m) => `${m.kind}:${m.hp}:${m.alive()}`).join(" "));
