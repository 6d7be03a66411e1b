// Helper module with module-level state; its body runs once.
console.log("counter module loaded");
let count = 0;
module.exports = {
  next() {
    count += 1;
    return count;
  },
  get: () => count,
};
