// A subclass may declare a private field with the same name as its parent's:
// each class sees only its own.
class Base {
  #tag = "base";
  baseTag() {
    return this.#tag;
  }
}
class Derived extends Base {
  #tag = "derived";
  derivedTag() {
    return this.#tag;
  }
}

const d = new Derived();
console.log(d.baseTag(), d.derivedTag()); // expect: base derived
console.log(d); // expect: Derived {}
console.log(new Base().baseTag()); // expect: base
