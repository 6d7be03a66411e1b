// Helper module: exports and module.exports refer to the same object until replaced.
exports.first = 1;
module.exports.second = 2;
const same = exports === module.exports;
exports.same = same;
