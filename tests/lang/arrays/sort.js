// sort: default string ordering, comparators, stability, sorting instances.
console.log([10, 9, 1, 100, 25].sort()); // expect: [ 1, 10, 100, 25, 9 ]
console.log([10, 9, 1, 100, 25].sort((a, b) => b - a)); // expect: [ 100, 25, 10, 9, 1 ]
console.log(["b", undefined, "a", "c"].sort()); // expect: [ 'a', 'b', 'c', undefined ]
const arr = [3, 1, 2];
const result = arr.sort();
console.log(result === arr, arr); // expect: true [ 1, 2, 3 ]

class Player {
  constructor(name, score) {
    this.name = name;
    this.score = score;
  }
}
const players = [
  new Player("dee", 10),
  new Player("amy", 30),
  new Player("bob", 10),
  new Player("cal", 30),
  new Player("eve", 20),
];
players.sort((a, b) => b.score - a.score);
console.log(players.map((p) => `${p.name}:${p.score}`).join(" ")); // expect: amy:30 cal:30 eve:20 dee:10 bob:10
players.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
console.log(players.map((p) => p.name).join()); // expect: amy,bob,cal,dee,eve
const big = Array.from({ length: 100 }, (_, i) => (i * 37) % 101);
big.sort((a, b) => a - b);
console.log(big.slice(0, 5), big[99]); // expect: [ 0, 1, 2, 3, 4 ] 100
