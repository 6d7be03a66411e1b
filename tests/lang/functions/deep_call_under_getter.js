// Hosted code reached through C++ (a static getter read by property lookup, a callback of
// a native) pushes frames on the same thread while the caller's frame is live: the caller
// must carry on in its own frame however deep that code went.
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
class Gauge {
  static get level() { return deep(300); }
}
let total = 0;
for (let i = 0; i < 3; i++) {
  total += Gauge.level;
  if (total > 100000) break;
}
console.log(total); // expect: 900
const sums = [1, 2].map((x) => x + deep(500));
console.log(sums.join(" ")); // expect: 501 502
const sorted = [3, 1, 2].sort((a, b) => (deep(200) - 200) + a - b);
console.log(sorted.join(",")); // expect: 1,2,3
