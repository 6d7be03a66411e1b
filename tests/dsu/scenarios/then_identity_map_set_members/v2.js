// A shop indexes its products in Maps (as keys and as values) and Sets. v2 changes
// Product's layout (a field added, one renamed); every collection must find the migrated
// products by identity.
class Product {
  tags = [];

  constructor(sku, unitPrice) {
    this.sku = sku;
    this.unitPrice = unitPrice;
  }

  cost(qty) {
    return this.unitPrice * qty;
  }
}

const tea = new Product("tea", 4);
const mug = new Product("mug", 12);
const bySku = new Map([["tea", tea], ["mug", mug]]);
const stock = new Map([[tea, 40], [mug, 3]]);
const featured = new Set([mug]);
const pairs = new Map([[tea, mug]]);
console.log(`${bySku.size} products, ${stock.get(tea)} tea in stock`);
