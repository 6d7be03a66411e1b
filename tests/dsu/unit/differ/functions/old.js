function total(items) {
  return items.reduce((a, b) => a + b, 0);
}
function old() {
  return 0;
}
function same(a) {
  return a;
}
