// Parcels with a weight in grams; the update's policy converts them and gives up on one.
class Parcel {
  constructor(label, grams) {
    this.label = label;
    this.grams = grams;
  }

  get kilos() {
    return this.grams / 1000;
  }

  line() {
    return `${this.label} ${this.grams}g`;
  }
}

const parcels = [new Parcel("books", 2500), new Parcel("lamp", 900), new Parcel("sofa", -1)];
const first = parcels[0];
const tracked = new Map(parcels.map((p) => [p, p.grams]));
for (let k = 0; k < 30; k++) parcels[k % 3].line(); // warm the caches
console.log(parcels.map((p) => p.line()).join(", "));
