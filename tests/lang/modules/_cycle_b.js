// Helper: requires _cycle_a.js while it is still loading.
const a = require("./_cycle_a");
exports.seenFromB = `b sees a.name=${a.name} a.early=${a.early} a.done=${a.done}`;
exports.done = true;
