// Number.prototype.toLocaleString and Intl.NumberFormat for en-US: grouping, fraction
// digits, currency and percent, rounding half away from zero.
console.log((1234567.891).toLocaleString(), (0.0005).toLocaleString(), (-1234.5).toLocaleString()); // expect: 1,234,567.891 0.001 -1,234.5
console.log((1e21).toLocaleString(), NaN.toLocaleString(), (-Infinity).toLocaleString(), (0).toLocaleString()); // expect: 1,000,000,000,000,000,000,000 NaN -∞ 0
console.log((2.5).toLocaleString("en-US", { maximumFractionDigits: 0 }), (1.005).toLocaleString("en-US", { maximumFractionDigits: 2 })); // expect: 3 1.01
console.log((1234.5).toLocaleString("en-US", { minimumFractionDigits: 2 })); // expect: 1,234.50
console.log((1234.5678).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 3 })); // expect: 1,234.568
console.log((42).toLocaleString("en-US", { minimumIntegerDigits: 5, useGrouping: false })); // expect: 00042
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
console.log(usd.format(1234.5), usd.format(-0.5), usd.format(0), usd.format(1e6)); // expect: $1,234.50 -$0.50 $0.00 $1,000,000.00
console.log(new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(99.999)); // expect: €100.00
console.log(new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" }).format(1234.5)); // expect: ¥1,235
console.log(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", currencyDisplay: "code" }).format(12)); // expect: USD 12.00
console.log(new Intl.NumberFormat("en-US", { style: "currency", currency: "usd", minimumFractionDigits: 0 }).format(12)); // expect: $12
console.log(new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256), new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(0.2567));
// expect: 26% 25.7%
console.log(new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(123456), new Intl.NumberFormat().format(1234.5)); // expect: 123,000 1,234.5
console.log(new Intl.NumberFormat("en-US", { notation: "compact" }).format(1234567), new Intl.NumberFormat("de-DE").format(1234567.5));
// expect: 1.2M 1.234.567,5
console.log([0.5, 1.5, 2.5, -0.5, -2.5].map((x) => x.toLocaleString("en-US", { maximumFractionDigits: 0 })).join(" ")); // expect: 1 2 3 -1 -3
try { // expect: TypeError: Currency code is required with currency style.
  new Intl.NumberFormat("en-US", { style: "currency" }).format(1);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try { // expect: RangeError: maximumFractionDigits value is out of range.
  (1).toLocaleString("en-US", { maximumFractionDigits: 101 });
} catch (e) {
  console.log(e.name + ": " + e.message);
}
