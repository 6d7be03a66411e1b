// A shop's tax table lives in a module binding. v2 has new rates; the differ keeps the live
// table (the initializer changed, REVIEW), but the user's patch takes the new value with
// dsu.setBinding. The order counter keeps its live value.
let taxRates = { food: 0.05, other: 0.2 };
let orders = 0;

function tax(kind, cents) {
  orders++;
  return Math.round(cents * taxRates[kind]);
}

console.log(tax("food", 1000), tax("other", 1000));
