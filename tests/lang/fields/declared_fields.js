// Declared fields with initializers run for each instance.
class Settings {
  theme = "dark";
  fontSize = 14;
  plugins = [];
  extra;
}

const a = new Settings();
const b = new Settings();
a.plugins.push("git");
a.fontSize = 16;
console.log(a.theme, a.fontSize, a.plugins); // expect: dark 16 [ 'git' ]
console.log(b.theme, b.fontSize, b.plugins); // expect: dark 14 []
console.log(a.extra, Object.keys(a).includes("extra")); // expect: undefined true
a.extra = { on: true };
console.log(a);
// expect: Settings {
// expect:   theme: 'dark',
// expect:   fontSize: 16,
// expect:   plugins: [ 'git' ],
// expect:   extra: { on: true }
// expect: }
console.log(b); // expect: Settings { theme: 'dark', fontSize: 14, plugins: [], extra: undefined }
