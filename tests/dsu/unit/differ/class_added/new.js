class Order {
  constructor(items) {
    this.items = items;
  }
}

class Coupon {
  constructor(code, percent) {
    this.code = code;
    this.percent = percent;
  }
}
