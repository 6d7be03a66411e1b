class Counter {
  describe() {
    return `broken ${this.count`;
  }
