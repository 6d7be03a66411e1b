// A patch replaces a private method and a private static method, named as the source
// writes them ("#clean", "#h"): the class's public methods call the new code.
class Note {
  constructor(text) {
    this.text = text;
  }

  #clean() {
    return this.text.trim();
  }

  static #h() {
    return "note";
  }

  show() {
    return `${Note.#h()}: ${this.#clean()}`;
  }
}

const notes = [new Note("  buy tea "), new Note("call bob  ")];
console.log(notes.map((n) => n.show()).join(", "));
