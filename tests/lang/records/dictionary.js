// Records as dictionaries: counting, grouping, inverting.
const text = "red green blue green red red";
const counts = {};
for (const w of text.split(" ")) counts[w] = (counts[w] || 0) + 1;
console.log(counts); // expect: { red: 3, green: 2, blue: 1 }

const people = [
  { name: "ann", team: "a" },
  { name: "bob", team: "b" },
  { name: "cy", team: "a" },
];
const byTeam = {};
for (const p of people) {
  byTeam[p.team] ??= [];
  byTeam[p.team].push(p.name);
}
console.log(byTeam); // expect: { a: [ 'ann', 'cy' ], b: [ 'bob' ] }

const invert = (obj) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [v, k]));
console.log(invert({ one: "uno", two: "dos" })); // expect: { uno: 'one', dos: 'two' }
const sortedKeys = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
console.log(sortedKeys); // expect: [ 'red', 'green', 'blue' ]
console.log(counts.hasOwnProperty("red"), counts.hasOwnProperty("toString")); // expect: true false
