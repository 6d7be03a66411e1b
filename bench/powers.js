// powers.js: ** and Math.pow in ordinary numeric code for Molt.
//
// Both engines compute powers with fdlibm's pow (V8's port of it; Molt builds the same
// algorithm from Debian's newlib-source, decision 0022), so this measures the call around
// it as much as the function:
//   1. loan schedules: monthly payments from (1 + r) ** n for many rates and terms;
//   2. a present-value table with fractional exponents (years / 12);
//   3. Horner-free polynomial evaluation with x ** k, and Math.pow with negative exponents;
//   4. Newton's method for k-th roots, checked with ** (1 / k).

class Rng {
  constructor(seed) {
    this.state = seed % 2147483647;
    if (this.state <= 0) this.state += 2147483646;
  }
  next() {
    this.state = (this.state * 48271) % 2147483647;
    return this.state;
  }
  unit() { return this.next() / 2147483647; }
}

class Loan {
  constructor(principal, yearlyRate, months) {
    this.principal = principal;
    this.rate = yearlyRate / 12;
    this.months = months;
  }
  payment() {
    const growth = (1 + this.rate) ** this.months;
    return (this.principal * this.rate * growth) / (growth - 1);
  }
  balanceAfter(month) {
    const g = (1 + this.rate) ** month;
    return this.principal * g - (this.payment() * (g - 1)) / this.rate;
  }
}

class Polynomial {
  constructor(coefficients) { this.coefficients = coefficients; }
  at(x) {
    let sum = 0;
    for (let k = 0; k < this.coefficients.length; k++) sum += this.coefficients[k] * x ** k;
    return sum;
  }
  decayAt(x) {
    let sum = 0;
    for (let k = 1; k <= this.coefficients.length; k++) sum += this.coefficients[k - 1] * Math.pow(x, -k);
    return sum;
  }
}

function root(value, k) {
  let x = value > 1 ? value / k : 1;
  for (let i = 0; i < 30; i++) x -= (x ** k - value) / (k * x ** (k - 1));
  return x;
}

const rng = new Rng(20261207);
let check = 0;

for (let i = 0; i < 24000; i++) {
  const loan = new Loan(10000 + rng.next() % 490000, 0.01 + rng.unit() * 0.09, 12 * (5 + (rng.next() % 26)));
  check += loan.payment();
  check += loan.balanceAfter(loan.months >> 1) / 1000;
}

for (let year = 1; year <= 360; year++) {
  for (let r = 1; r <= 400; r++) check += 1 / (1 + r / 1000) ** (year / 12);
}

const polys = [];
for (let i = 0; i < 40; i++) {
  const cs = [];
  for (let k = 0; k < 12; k++) cs.push(rng.unit() - 0.5);
  polys.push(new Polynomial(cs));
}
for (let step = 0; step < 3600; step++) {
  const x = 0.5 + step / 2400;
  for (const p of polys) check += p.at(x) + p.decayAt(x);
}

for (let i = 0; i < 12000; i++) {
  const v = 2 + rng.unit() * 1000;
  const k = 2 + (i % 7);
  check += root(v, k) - v ** (1 / k);
}

console.log("powers checksum", check.toFixed(6));
