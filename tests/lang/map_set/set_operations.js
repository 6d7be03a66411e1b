// Union, intersection, difference built from Sets and arrays.
class TagSet {
  constructor(tags = []) {
    this.tags = new Set(tags);
  }
  union(other) {
    return new TagSet([...this.tags, ...other.tags]);
  }
  intersect(other) {
    return new TagSet([...this.tags].filter((t) => other.tags.has(t)));
  }
  minus(other) {
    return new TagSet([...this.tags].filter((t) => !other.tags.has(t)));
  }
  isSubsetOf(other) {
    return [...this.tags].every((t) => other.tags.has(t));
  }
  toString() {
    return `{${[...this.tags].sort().join(",")}}`;
  }
}

const a = new TagSet(["js", "cpp", "go"]);
const b = new TagSet(["go", "rust", "js"]);
console.log(String(a.union(b))); // expect: {cpp,go,js,rust}
console.log(String(a.intersect(b))); // expect: {go,js}
console.log(String(a.minus(b)), String(b.minus(a))); // expect: {cpp} {rust}
console.log(a.intersect(b).isSubsetOf(a), a.isSubsetOf(b)); // expect: true false
console.log(new TagSet()); // expect: TagSet { tags: Set(0) {} }
console.log(a); // expect: TagSet { tags: Set(3) { 'js', 'cpp', 'go' } }
