// Pricing rules of the shop, with module-level state.
let quotes = 0;
const bulkThreshold = 10;
let bulkQuotes = 0;

function quote(cents, qty) {
  quotes++;
  if (qty >= bulkThreshold) {
    bulkQuotes++;
    return Math.round(cents * qty * 0.9);
  }
  return cents * qty;
}

function count() {
  return `${quotes} quotes, ${bulkQuotes} bulk`;
}

module.exports = { quote, count };
