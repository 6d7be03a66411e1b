class Base {
  unit() {
    return "kg";
  }
}
class Parcel extends Base {
  #weight = 0;
  weigh(w) {
    this.#weight = w;
  }
}
