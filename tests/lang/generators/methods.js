// Generator methods in classes (*m, static *m) and in object literals, with `this`.
class Playlist {
  constructor(songs) {
    this.songs = songs;
  }
  *titles() {
    for (const s of this.songs) yield s.title;
  }
  *longerThan(seconds) {
    for (const s of this.songs) if (s.seconds > seconds) yield `${s.title} (${s.seconds}s)`;
  }
  static *range(from, to) {
    for (let i = from; i < to; i++) yield i;
  }
}
class Radio extends Playlist {
  *titles() {
    yield "jingle";
    yield* super.titles();
  }
}
const songs = [
  { title: "Intro", seconds: 30 },
  { title: "Theme", seconds: 240 },
  { title: "Outro", seconds: 95 },
];
const p = new Playlist(songs);
console.log([...p.titles()]); // expect: [ 'Intro', 'Theme', 'Outro' ]
console.log([...p.longerThan(60)].join("; ")); // expect: Theme (240s); Outro (95s)
console.log([...Playlist.range(3, 7)]); // expect: [ 3, 4, 5, 6 ]
console.log([...new Radio(songs).titles()]); // expect: [ 'jingle', 'Intro', 'Theme', 'Outro' ]

const bag = {
  items: ["a", "b"],
  *each() {
    for (const i of this.items) yield i.toUpperCase();
  },
};
console.log([...bag.each()]); // expect: [ 'A', 'B' ]
