// Returning multiple values with arrays and records and destructuring them.
function minMax(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
function stats(values) {
  const [min, max] = minMax(values);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { min, max, mean, range: max - min };
}

const [lo, hi] = minMax([4, -2, 9, 3]);
console.log(lo, hi); // expect: -2 9
const { mean, range } = stats([2, 4, 6, 8]);
console.log(mean, range); // expect: 5 6
console.log(stats([1])); // expect: { min: 1, max: 1, mean: 1, range: 0 }

function divmod(a, b) {
  return [Math.floor(a / b), a % b];
}
const [quot, rem] = divmod(17, 5);
console.log(`17 = ${quot}*5 + ${rem}`); // expect: 17 = 3*5 + 2
