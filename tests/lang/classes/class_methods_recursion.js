// Recursive data structure: a binary search tree.
class Tree {
  constructor(value) {
    this.value = value;
    this.left = null;
    this.right = null;
  }
  insert(v) {
    if (v < this.value) {
      if (this.left) this.left.insert(v);
      else this.left = new Tree(v);
    } else {
      if (this.right) this.right.insert(v);
      else this.right = new Tree(v);
    }
  }
  inOrder(out = []) {
    if (this.left) this.left.inOrder(out);
    out.push(this.value);
    if (this.right) this.right.inOrder(out);
    return out;
  }
  height() {
    const l = this.left ? this.left.height() : 0;
    const r = this.right ? this.right.height() : 0;
    return 1 + Math.max(l, r);
  }
  contains(v) {
    if (v === this.value) return true;
    const next = v < this.value ? this.left : this.right;
    return next !== null && next.contains(v);
  }
}

const t = new Tree(50);
for (const v of [30, 70, 20, 40, 60, 80, 35]) t.insert(v);
console.log(t.inOrder().join(" ")); // expect: 20 30 35 40 50 60 70 80
console.log(t.height()); // expect: 4
console.log(t.contains(35), t.contains(36)); // expect: true false
console.log(t.left.right.left); // expect: Tree { value: 35, left: null, right: null }
