// Helper module: exports a single class.
module.exports = class Stack {
  items = [];
  push(x) {
    this.items.push(x);
    return this;
  }
  pop() {
    return this.items.pop();
  }
  get size() {
    return this.items.length;
  }
};
