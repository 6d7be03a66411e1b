// A class with private methods and a private accessor, whose bodies change: the class is
// updated in place and the public methods that call them run the new private code.
class Tag {
  #raw;
  constructor(raw) {
    this.#raw = raw;
  }

  #clean() {
    return this.#raw.trim().toUpperCase();
  }

  get #shown() {
    return `[${this.#clean()}]`;
  }

  static #prefix() {
    return "TAG";
  }

  show() {
    return `${Tag.#prefix()}:${this.#shown}`;
  }
}

const tags = [new Tag("  a "), new Tag("b  ")];
const first = tags[0];
console.log(tags.map((t) => t.show()).join(" "));
