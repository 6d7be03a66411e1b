// A method body and a helper change in a required module whose exports object the main
// module holds: the classes are updated in place, the exports object keeps its identity
// and takes the new version's entries, and no instance is copied.
const shapes = require("./shapes");
const { Circle } = require("./shapes");
const exportsSeen = shapes;
const all = [new shapes.Shape(2), new Circle(3)];
console.log(all.map((s) => shapes.describe(s)).join(", "));
