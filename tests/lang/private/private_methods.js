// Private methods, including calling them on another instance of the same class.
class Version {
  #major;
  #minor;
  constructor(text) {
    const [a, b] = text.split(".");
    this.#major = Number(a);
    this.#minor = Number(b);
  }
  #key() {
    return this.#major * 1000 + this.#minor;
  }
  #format(sep) {
    return `${this.#major}${sep}${this.#minor}`;
  }
  newerThan(other) {
    return this.#key() > other.#key();
  }
  toString() {
    return "v" + this.#format(".");
  }
}

const vs = ["1.10", "1.2", "0.99", "2.0"].map((t) => new Version(t));
vs.sort((a, b) => (a.newerThan(b) ? 1 : b.newerThan(a) ? -1 : 0));
console.log(vs.join(" < ")); // expect: v0.99 < v1.2 < v1.10 < v2.0
console.log(vs[3].newerThan(vs[0]), vs[0].newerThan(vs[3])); // expect: true false
console.log(typeof vs[0].key, typeof vs[0].format); // expect: undefined undefined
