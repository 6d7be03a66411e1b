// Keys that are not identifiers are quoted when printed; values of all kinds.
const rec = {
  plain: 1,
  "with space": 2,
  "dash-ed": 3,
  _under: 4,
  camelCase99: 5,
  "": 6,
};
console.log(rec);
// expect: {
// expect:   plain: 1,
// expect:   'with space': 2,
// expect:   'dash-ed': 3,
// expect:   _under: 4,
// expect:   camelCase99: 5,
// expect:   '': 6
// expect: }
console.log({ f: function () {}, g: () => 0, n: null, u: undefined }); // expect: { f: [Function: f], g: [Function: g], n: null, u: undefined }
console.log({ s: "it's", t: 'say "hi"' }); // expect: { s: "it's", t: 'say "hi"' }
console.log(Object.keys(rec).length, rec["with space"], rec[""]); // expect: 6 2 6
