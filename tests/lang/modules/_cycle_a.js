// Helper: part of a require cycle with _cycle_b.js.
exports.name = "a";
exports.early = true;
const b = require("./_cycle_b");
exports.seenFromA = `a sees b.done=${b.done}`;
exports.done = true;
