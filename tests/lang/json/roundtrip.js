// Round-tripping a structure through stringify and parse; string escaping.
const original = {
  title: "Quotes \" and \\ backslashes",
  lines: ["tab\there", "new\nline"],
  unicode: "naïve ☃",
  nested: { deep: [{ x: 1.25 }, null, true] },
};
const text = JSON.stringify(original);
console.log(text); // expect: {"title":"Quotes \" and \\ backslashes","lines":["tab\there","new\nline"],"unicode":"naïve ☃","nested":{"deep":[{"x":1.25},null,true]}}
const back = JSON.parse(text);
console.log(JSON.stringify(back) === text, back.lines[1].split("\n").length); // expect: true 2
console.log(back.nested.deep[0].x, back.unicode.length); // expect: 1.25 7
console.log(JSON.stringify("\u0001\u001f")); // expect: "\u0001\u001f"
