// Coupons: a legacy kind is still in use by one live coupon.
class Coupon {
  constructor(code, percent) {
    this.code = code;
    this.percent = percent;
  }

  discount(cents) {
    return Math.round((cents * this.percent) / 100);
  }
}

class LegacyCoupon {
  constructor(code, flat) {
    this.code = code;
    this.flat = flat;
  }

  discount(cents) {
    return Math.min(this.flat, cents);
  }
}

class Checkout {
  constructor(coupons) {
    this.coupons = coupons;
  }

  price(cents) {
    return this.coupons.reduce((c, coupon) => c - coupon.discount(c), cents);
  }
}

const checkout = new Checkout([new Coupon("TEN", 10), new LegacyCoupon("OLD5", 500)]);
console.log(checkout.price(10000));
