// Parcels with a weight; v2 adds a declared field whose initializer throws for live ones.
class Parcel {
  constructor(grams) {
    this.grams = grams;
  }

  show() {
    return `${this.grams} g`;
  }
}

const parcels = [new Parcel(250), new Parcel(1200)];
console.log(parcels.map((p) => p.show()).join(", "));
