function total(items, tax) {
  return items.reduce((a, b) => a + b, 0) * (1 + tax);
}
function same(a) {
  // A comment only.
  return a;
}
function helper() {
  return 1;
}
