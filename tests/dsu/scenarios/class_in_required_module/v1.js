// The main module uses classes that live in ./catalog.
const { Product, Catalog } = require("./catalog");
const catalogModule = require("./catalog");

class Shelf {
  constructor(catalog, skus) {
    this.catalog = catalog;
    this.skus = skus;
  }

  prices() {
    return this.skus.map((sku) => this.catalog.find(sku).price());
  }
}

const catalog = new Catalog().add(new Product("tea", 450)).add(new Product("pot", 3900));
const tea = catalog.find("tea");
const shelf = new Shelf(catalog, ["tea", "pot"]);
console.log(shelf.prices().join(" "));
