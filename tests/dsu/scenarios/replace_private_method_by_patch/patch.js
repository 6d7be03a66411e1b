// Replacements for private members. A patch's functions are not inside the class, so they
// cannot read `this.#entries`; they use what is public.
module.exports = function (dsu) {
  dsu.replaceMethod("Ledger", "#clean", function (text) {
    return `<${text.trim()}>`;
  });
  dsu.replaceMethod("Ledger", "#header", function () {
    return "patched ledger";
  }, "static");
  dsu.replaceMethod("Ledger", "#total", function () {
    return -1;
  }, "getter");
};
