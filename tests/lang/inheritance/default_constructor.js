// A subclass without a constructor passes all arguments to the parent.
class Pair {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  sum() {
    return this.a + this.b;
  }
}
class NamedPair extends Pair {
  label = "pair";
  describe() {
    return `${this.label}(${this.a}, ${this.b})`;
  }
}
class EmptyBase {}
class Leaf extends EmptyBase {
  kind = "leaf";
}

const p = new NamedPair(2, 3);
console.log(p.sum(), p.describe()); // expect: 5 pair(2, 3)
console.log(p); // expect: NamedPair { a: 2, b: 3, label: 'pair' }
console.log(new Leaf()); // expect: Leaf { kind: 'leaf' }
console.log(new Leaf() instanceof EmptyBase); // expect: true
