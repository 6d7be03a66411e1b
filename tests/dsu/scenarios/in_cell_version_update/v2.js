// A version update (`--then v2.js`, as the IDE and `molt update` make it) that adds a field
// with a declared initializer (`capacity = 50`), removes one and changes a method: every tank fits the new
// layout in its cell, so the generated patch migrates them where they are. They keep their
// identity (the Map and the Set keyed by them still find them), a subclass's instances
// follow their superclass's layout, and the call sites cached on the old layout read the
// new one.
class Tank {
  capacity = 50;

  constructor(id, litres) {
    this.id = id;
    this.litres = litres;
  }

  level() {
    return `${this.litres}/${this.capacity}`;
  }
}

class PressureTank extends Tank {
  constructor(id, litres, bar) {
    super(id, litres);
    this.bar = bar;
  }

  level() {
    return `${super.level()}@${this.bar}`;
  }
}

const tanks = [new Tank(1, 40), new PressureTank(2, 15, 3), new Tank(3, 7)];
const owners = new Map([[tanks[0], "ada"], [tanks[1], "bob"]]);
const full = new Set([tanks[2]]);
const ids = tanks.map((t) => Molt.identityOf(t));
let seen = "";
for (let i = 0; i < 30; i++) seen = tanks.map((t) => t.level()).join();
console.log(seen);
