// Records with many keys: insertion order after deletes and re-adds, integer-like keys
// first and ascending, JSON and Object.fromEntries round trips.
const r = {};
for (let i = 0; i < 40; i++) r["k" + i] = i;
for (let i = 0; i < 40; i += 3) delete r["k" + i];
console.log(Object.keys(r).length, Object.keys(r).slice(0, 4).join()); // expect: 26 k1,k2,k4,k5
r.k0 = "back";
console.log(Object.keys(r).slice(-2).join(), r.k0, r.k3, "k3" in r, "k4" in r); // expect: k38,k0 back undefined false true
for (const k of Object.keys(r)) if (k !== "k0") delete r[k];
console.log(JSON.stringify(r), Object.keys(r).length); // expect: {"k0":"back"} 1
const mixed = {};
mixed.b = 1;
mixed[10] = "ten";
mixed.a = 2;
mixed[2] = "two";
mixed[7] = "seven";
for (let i = 0; i < 20; i++) mixed["x" + i] = i;
mixed[30] = "thirty";
delete mixed[7];
mixed[5] = "five";
console.log(Object.keys(mixed).slice(0, 7).join()); // expect: 2,5,10,30,b,a,x0
const entries = [];
for (let i = 0; i < 500; i++) entries.push(["e" + (i * 7 % 500), i]);
const fromEntries = Object.fromEntries(entries);
const parsed = JSON.parse(JSON.stringify(fromEntries));
console.log(Object.keys(parsed).slice(0, 3).join(), parsed.e7, Object.values(parsed).length); // expect: e0,e7,e14 1 500
let forIn = 0;
for (const k in parsed) if (parsed[k] % 2 === 0) delete parsed[k];
for (const k in parsed) forIn++;
console.log(forIn, { ...parsed }.e7, Object.entries(parsed)[0].join("=")); // expect: 250 1 e7=1
const { e7, ...rest } = parsed;
console.log(e7, Object.keys(rest).length, "e7" in rest); // expect: 1 249 false
const counts = {};
for (let i = 0; i < 3000; i++) {
  const w = "w" + (i * 13 % 200);
  counts[w] = (counts[w] || 0) + 1;
  if (i % 5 === 0) delete counts["w" + (i % 200)];
}
console.log(Object.keys(counts).length, JSON.stringify(counts).length, counts.w13); // expect: 178 1659 15
