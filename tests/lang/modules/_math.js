// Helper module: named exports through `exports.name =`.
exports.add = (a, b) => a + b;
exports.square = function square(x) {
  return x * x;
};
exports.PI2 = Math.PI * 2;
function clampInternal(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}
exports.clamp = clampInternal;
