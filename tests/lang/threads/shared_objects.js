// Molt only: threads share heap objects; each thread updates its own slot of a shared
// instance, calls methods, and catches its own exceptions.
class Board {
  constructor(n) {
    this.cells = new Array(n).fill(".");
    this.errors = new Array(n).fill("");
  }
  mark(i, ch) {
    if (ch === "!") throw new RangeError(`bad mark at ${i}`);
    this.cells[i] = ch;
  }
  toString() {
    return this.cells.join("");
  }
}

const board = new Board(5);
const marks = ["a", "b", "!", "d", "e"];
const finished = marks.map(() => false);
marks.forEach((ch, i) => {
  Thread.spawn(() => {
    try {
      Thread.sleep(5 * (5 - i));
      board.mark(i, ch);
    } catch (e) {
      board.errors[i] = e.message;
    }
    finished[i] = true;
  });
});
while (finished.includes(false)) Thread.sleep(1);
console.log(String(board)); // expect: ab.de
console.log(board.errors.filter((e) => e !== "")); // expect: [ 'bad mark at 2' ]
