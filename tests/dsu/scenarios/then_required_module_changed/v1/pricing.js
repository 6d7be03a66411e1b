// Pricing rules of the shop, with module-level state.
let quotes = 0;

function quote(cents, qty) {
  quotes++;
  return cents * qty;
}

function count() {
  return quotes;
}

module.exports = { quote, count };
