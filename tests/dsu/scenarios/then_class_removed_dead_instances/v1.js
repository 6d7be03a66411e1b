// A game loop used Particle objects for a start-up effect; they are all garbage by now.
// v2 removes the class: garbage never blocks an update, so it commits.
class Particle {
  constructor(x) {
    this.x = x;
  }

  step() {
    this.x += 1;
  }
}

class Game {
  constructor() {
    this.frame = 0;
  }

  tick() {
    let effect = [];
    for (let i = 0; i < 50; i++) effect.push(new Particle(i));
    effect.forEach((p) => p.step());
    effect = null;
    this.frame++;
  }
}

const game = new Game();
for (let i = 0; i < 3; i++) game.tick();
console.log(`frame ${game.frame}`);
