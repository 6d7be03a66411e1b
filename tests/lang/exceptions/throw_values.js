// Any value can be thrown: strings, numbers, records, instances, null.
class Problem {
  constructor(code) {
    this.code = code;
  }
}
const things = ["text", 42, { reason: "rec" }, new Problem(7), null, undefined, [1, 2]];
for (const t of things) {
  try {
    throw t;
  } catch (caught) {
    console.log(typeof caught, caught === t, caught);
  }
}
// expect: string true text
// expect: number true 42
// expect: object true { reason: 'rec' }
// expect: object true Problem { code: 7 }
// expect: object true null
// expect: undefined true undefined
// expect: object true [ 1, 2 ]
