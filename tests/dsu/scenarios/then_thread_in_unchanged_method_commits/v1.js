// A game's audio thread sleeps inside Mixer.play, which v2 does not change. v2 changes
// Score only, so the parked thread does not block the update: it commits at once, before
// the mixer wakes up.
const events = [];

class Mixer {
  play(track) {
    Thread.sleep(200);
    events.push(`played ${track}`);
  }
}

class Score {
  constructor() {
    this.points = 0;
  }

  add(n) {
    this.points += n;
    return this.points;
  }
}

const mixer = new Mixer();
const score = new Score();
Thread.spawn(() => mixer.play("theme"));
score.add(5);
console.log(`score ${score.points}`);
Thread.sleep(5); // the audio thread is parked inside Mixer.play
