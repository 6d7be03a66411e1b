class Basket {
  constructor() {
    this.items = [];
  }
  static empty() {
    return new Basket();
  }
}
class GiftCart extends Basket {}
const cart = Basket.empty();
function fresh() {
  return new Basket();
}
