class Base {
  unit() {
    return "kg";
  }
}
class Parcel extends Base {
  #weight = 0;
  #label;
  shown = this.#weight + " " + super.unit();
  unit = super.unit();
  weigh(w) {
    this.#weight = w;
  }
}
