// Recursive closures and functions as first-class values.
function walk(tree, visit, depth = 0) {
  visit(tree.name, depth);
  for (const child of tree.children ?? []) walk(child, visit, depth + 1);
}

const tree = {
  name: "root",
  children: [
    { name: "a", children: [{ name: "a1" }, { name: "a2" }] },
    { name: "b" },
  ],
};

const lines = [];
walk(tree, (name, depth) => lines.push("  ".repeat(depth) + name));
for (const l of lines) console.log(l);
// expect: root
// expect:   a
// expect:     a1
// expect:     a2
// expect:   b

let count = 0;
walk(tree, () => count++);
console.log(count); // expect: 5

const factorial = function fact(n) {
  return n <= 1 ? 1 : n * fact(n - 1);
};
console.log(factorial(10)); // expect: 3628800
