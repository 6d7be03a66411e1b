// qty -> onHand. A validation compares the old and the new world through the namespace
// views: the old instances still have qty, the migrated ones have onHand, and the totals
// must agree. It holds, so the update commits.
const checks = [];

module.exports = function (dsu) {
  dsu.renameInstanceVariable("Item", "qty", "onHand");
  dsu.replaceMethod("Item", "take", function (n) {
    this.onHand -= n;
  });
  dsu.replaceMethod("Warehouse", "receive", function (sku, n) {
    const item = this.items.get(sku);
    if (!item) throw new Error(`new skus are disabled during the migration: ${sku}`);
    item.onHand += n;
  });
  dsu.replaceMethod("Warehouse", "total", function () {
    let sum = 0;
    for (const item of this.items.values()) sum += item.onHand;
    return sum;
  });
  dsu.addValidation("stock is preserved", (oldNs, newNs) => {
    const before = oldNs.allInstances("Item").reduce((s, i) => s + i.qty, 0);
    const after = newNs.allInstances("Item").reduce((s, i) => s + i.onHand, 0);
    checks.push(`${oldNs.allInstances("Item").length} items, ${before} before, ${after} after`);
    checks.push(`classes differ: ${oldNs.get("Item") !== newNs.get("Item")}`);
    return before === after && before === 320;
  });
  dsu.addBinding("validationLog", checks);
};
