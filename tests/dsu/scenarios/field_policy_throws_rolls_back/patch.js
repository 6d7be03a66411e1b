// Amounts become integer cents; the policy refuses an unparseable amount by throwing. The
// whole update rolls back: no order is changed, the layout and the methods are the old ones.
module.exports = function (dsu) {
  dsu.addInstanceVariable("Order", "cents", (oldObj) => {
    const n = parseFloat(oldObj.amount);
    if (Number.isNaN(n)) throw new RangeError(`bad amount in order ${oldObj.id}`);
    return Math.round(n * 100);
  });
  dsu.removeInstanceVariable("Order", "amount");
  dsu.replaceMethod("Order", "summary", function () {
    return `#${this.id}: ${this.cents} cents`;
  });
};
