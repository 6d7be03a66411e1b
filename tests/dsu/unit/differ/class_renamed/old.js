class Cart {
  constructor() {
    this.items = [];
  }
  static empty() {
    return new Cart();
  }
}
class GiftCart extends Cart {}
const cart = Cart.empty();
function fresh() {
  return new Cart();
}
