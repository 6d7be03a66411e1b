// Static private fields and methods.
class IdGenerator {
  static #next = 1;
  static #issued = 0;
  static #format(n) {
    return "id-" + String(n).padStart(3, "0");
  }
  static take() {
    IdGenerator.#issued++;
    return IdGenerator.#format(IdGenerator.#next++);
  }
  static stats() {
    return `${IdGenerator.#issued} issued, next ${IdGenerator.#next}`;
  }
}

console.log(IdGenerator.take(), IdGenerator.take()); // expect: id-001 id-002
console.log(IdGenerator.stats()); // expect: 2 issued, next 3
console.log(IdGenerator.next, IdGenerator.format); // expect: undefined undefined
