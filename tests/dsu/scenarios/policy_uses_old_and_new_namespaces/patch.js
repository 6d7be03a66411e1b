// Orders get a real reference to their customer, found in the NEW namespace (where
// customers already have the renamed field `tier`); the OLD namespace still shows `level`.
// The Order operations come first in the patch: the new namespace must show the migrated
// customers no matter in which order the classes are migrated.
const seen = [];

module.exports = function (dsu) {
  const show = (list) => list.map((c) => `${c.name}=${c.level}/${c.tier}`).sort().join(" ");
  dsu.addInstanceVariable("Order", "customer", (oldObj, newObj, oldNs, newNs) => {
    const found = newNs.allInstances("Customer").find((c) => c.name === oldObj.customerName);
    seen.push(`order ${oldObj.id} -> ${found?.name}/${found?.tier}`);
    return found;
  });
  dsu.removeInstanceVariable("Order", "customerName");
  dsu.replaceMethod("Order", "describe", function () {
    return `#${this.id} for ${this.customer.name} (${this.customer.tier})`;
  });
  dsu.migrateInstances("Order", (oldObj, newObj, oldNs, newNs) => {
    if (newObj.id !== 1) return;
    seen.push(`old customers: ${show(oldNs.allInstances("Customer"))}`);
    seen.push(`new customers: ${show(newNs.allInstances("Customer"))}`);
    seen.push(`classes: ${oldNs.get("Customer") !== newNs.get("Customer")} ${newNs.get("Customer").name}`);
    seen.push(`old orders: ${oldNs.allInstances("Order").length}`);
  });
  dsu.renameInstanceVariable("Customer", "level", "tier");
  dsu.addBinding("policyLog", seen);
};
