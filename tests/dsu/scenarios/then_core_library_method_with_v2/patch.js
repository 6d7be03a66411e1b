// The core library is updated like any other code: Array gains 'sum'.
module.exports = function (dsu) {
  dsu.addMethod("Array", "sum", function () {
    let s = 0;
    for (const x of this) s += x;
    return s;
  });
};
