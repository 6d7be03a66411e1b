// shift/unshift mixes behave as a queue and a deque; Array.from's forms.
const q = [];
let log = [];
for (let i = 0; i < 20; i++) {
  q.push(i);
  if (i % 3 === 2) log.push(q.shift());
}
console.log(log.join(), q.length, q[0], q[q.length - 1]); // expect: 0,1,2,3,4,5 14 6 19
console.log(q.unshift("a", "b"), q.slice(0, 3).join(), q.indexOf(6)); // expect: 16 a,b,6 2
q.shift();
q.unshift("c");
console.log(q.length, q[0], q[1], q.join("").length); // expect: 16 c b 26
while (q.length > 2) q.shift();
q.push("z");
console.log(q.join(), q.reverse(), q.map((x) => x + 1)); // expect: 18,19,z [ 'z', 19, 18 ] [ 'z1', 20, 19 ]
const big = Array.from({ length: 1000 }, (_, i) => i);
let sum = 0;
while (big.length) {
  const x = big.shift();
  sum += x;
  if (x % 100 === 0 && x < 500) big.unshift(-1);
}
console.log(sum, big.length, [].shift(), [1].shift()); // expect: 499495 0 undefined 1
console.log(Array.from({ length: 3 }), Array.from({ length: 3 }, (v, i) => v === undefined && i)); // expect: [ undefined, undefined, undefined ] [ 0, 1, 2 ]
console.log(Array.from({ length: 3, 0: "a", 2: "c" }), Array.from({ length: 2.7 }).length); // expect: [ 'a', undefined, 'c' ] 2
console.log(Array.from("héy"), Array.from(new Set([1, 1, 2])), Array.from([1, , 3])); // expect: [ 'h', 'é', 'y' ] [ 1, 2 ] [ 1, undefined, 3 ]
console.log(Array.from({ length: -1 }), Array.from({}), Array.from({ length: "2" }, () => 7)); // expect: [] [] [ 7, 7 ]
