// Defaults only apply to undefined; defaults are evaluated lazily.
let evaluations = 0;
function expensive() {
  evaluations++;
  return "computed";
}
const { a = expensive(), b = expensive() } = { a: "given" };
console.log(a, b, evaluations); // expect: given computed 1

const { c = 1, d = 2, e = 3, f = 4 } = { c: null, d: 0, e: false, f: undefined };
console.log(c, d, e, f); // expect: null 0 false 4

const {
  settings: {
    theme = "light",
    layout: { columns = 2, gap = 8 } = {},
  } = {},
} = { settings: { layout: { gap: 16 } } };
console.log(theme, columns, gap); // expect: light 2 16

const [{ deep = "d" } = {}] = [];
console.log(deep); // expect: d
