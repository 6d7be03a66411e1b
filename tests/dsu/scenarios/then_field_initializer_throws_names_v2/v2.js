// Parcels with a weight; v2 adds a declared field whose initializer throws for live ones.
class Parcel {
  tariff =
    rates.table[this.grams > 1000 ? "heavy" : "light"].price;

  constructor(grams) {
    this.grams = grams;
  }

  show() {
    return `${this.grams} g at ${this.tariff}`;
  }
}

const rates = {};
const parcels = [new Parcel(250), new Parcel(1200)];
console.log(parcels.map((p) => p.show()).join(", "));
