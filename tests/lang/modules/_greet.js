// Helper module: module.exports is a single function.
module.exports = function greet(name) {
  return `Hello, ${name}!`;
};
