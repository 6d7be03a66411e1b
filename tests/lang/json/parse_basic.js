// JSON.parse of all value kinds, whitespace and escapes.
const v = JSON.parse(' { "n": -1.5e2, "s": "a\\"b\\n", "t": true, "z": null, "a": [1, [2, {}]] } ');
console.log(v); // expect: { n: -150, s: 'a"b\n', t: true, z: null, a: [ 1, [ 2, {} ] ] }
console.log(JSON.parse("3"), JSON.parse('"str"'), JSON.parse("null"), JSON.parse("[]")); // expect: 3 str null []
console.log(JSON.parse('"\\u0041\\u00e9"'), JSON.parse('{"k":{"k":{"k":1}}}').k.k.k); // expect: Aé 1
console.log(JSON.parse('{"a":1,"a":2}')); // expect: { a: 2 }
console.log(JSON.parse("  [1e3, 0.5, -0, 10]  ")); // expect: [ 1000, 0.5, -0, 10 ]
const parsed = JSON.parse('{"list":[{"id":1},{"id":2}]}');
console.log(parsed.list.map((x) => x.id * 10)); // expect: [ 10, 20 ]
class Settings {
  constructor(json) {
    const data = JSON.parse(json);
    this.theme = data.theme ?? "light";
    this.size = data.size ?? 12;
  }
}
console.log(new Settings('{"size": 14}')); // expect: Settings { theme: 'light', size: 14 }
console.log(new Settings("{}").theme); // expect: light
