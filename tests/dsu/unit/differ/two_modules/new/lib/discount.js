class Discount {
  constructor(percent) {
    this.percent = percent;
  }
  apply(x) {
    return x * (1 - this.percent / 100);
  }
}
module.exports = { Discount };
