// process.argv, process.stdout.write, process.hrtime and performance.now.
console.log(Array.isArray(process.argv), process.argv.length >= 2); // expect: true true
console.log(process.argv[1].endsWith("process_misc.js")); // expect: true
process.stdout.write("no newline, ");
process.stdout.write("then one\n"); // expect: no newline, then one
process.stdout.write("a\nb\n");
// expect: a
// expect: b

const start = process.hrtime();
console.log(Array.isArray(start), start.length); // expect: true 2
let spin = 0;
for (let i = 0; i < 100000; i++) spin += i;
const delta = process.hrtime(start);
console.log(delta[0] >= 0 && delta[1] >= 0, Number.isInteger(delta[1])); // expect: true true

const t0 = performance.now();
const t1 = performance.now();
console.log(typeof t0, t1 >= t0); // expect: number true
console.log(spin); // expect: 4999950000
