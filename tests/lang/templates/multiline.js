// Multi-line templates keep newlines and indentation literally.
const items = ["apple", "pear"];
const html = `<ul>
${items.map((i) => `  <li>${i}</li>`).join("\n")}
</ul>`;
console.log(html);
// expect: <ul>
// expect:   <li>apple</li>
// expect:   <li>pear</li>
// expect: </ul>
const text = `line one
    indented line
last`;
console.log(text.split("\n").length, JSON.stringify(text)); // expect: 3 "line one\n    indented line\nlast"
console.log(`tab\there\nnewline \`backtick\` \\ backslash`);
// expect: tab	here
// expect: newline `backtick` \ backslash
