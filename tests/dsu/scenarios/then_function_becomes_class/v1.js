// A factory function becomes a class of the same name (the generated removeBinding +
// addClass was refused: "the new version does not remove a binding 'Point'").
function Point(x, y) {
  return { x, y };
}
const p = Point(1, 2);
console.log(p.x + p.y);
