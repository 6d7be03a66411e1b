// A playlist: v1 plays its tracks in order. v2 changes the body of [Symbol.iterator] to
// play them newest first and the step of Countdown's hand-written iterator; the live
// instances iterate the new way after the update, with the same identity.
class Playlist {
  constructor(name) {
    this.name = name;
    this.tracks = [];
  }

  add(title) {
    this.tracks.push(title);
    return this;
  }

  *[Symbol.iterator]() {
    for (const t of this.tracks) yield t;
  }
}

class Countdown {
  constructor(from) {
    this.from = from;
  }

  [Symbol.iterator]() {
    let n = this.from;
    return { next: () => (n > 0 ? { value: n--, done: false } : { value: undefined, done: true }) };
  }
}

const mix = new Playlist("mix").add("intro").add("verse").add("outro");
const countdown = new Countdown(6);
const kept = mix;
console.log([...mix].join(" "), [...countdown].join(" "));
