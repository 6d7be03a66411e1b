// toFixed rounding and padding.
console.log((3.14159).toFixed(2), (2.5).toFixed(0), (1.005).toFixed(2)); // expect: 3.14 3 1.00
console.log((0).toFixed(3), (-1.5).toFixed(1), (123).toFixed()); // expect: 0.000 -1.5 123
console.log((1e21).toFixed(2), (0.000001).toFixed(7)); // expect: 1e+21 0.0000010
console.log((10.235).toFixed(2), (1.45).toFixed(1), (8.345).toFixed(2)); // expect: 10.23 1.4 8.35
console.log((-0.0001).toFixed(2), (99.999).toFixed(2)); // expect: -0.00 100.00
console.log(NaN.toFixed(2), (Infinity).toFixed(1)); // expect: NaN Infinity

class Price {
  constructor(amount) {
    this.amount = amount;
  }
  format() {
    return `$${this.amount.toFixed(2)}`;
  }
}
console.log([19.999, 5, 0.1 + 0.2].map((a) => new Price(a).format()).join(" ")); // expect: $20.00 $5.00 $0.30
