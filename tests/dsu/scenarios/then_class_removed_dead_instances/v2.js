// A game loop used Particle objects for a start-up effect; they are all garbage by now.
// v2 removes the class: garbage never blocks an update, so it commits.
class Game {
  constructor() {
    this.frame = 0;
  }

  tick() {
    this.frame++;
  }
}

const game = new Game();
for (let i = 0; i < 3; i++) game.tick();
console.log(`frame ${game.frame}`);
