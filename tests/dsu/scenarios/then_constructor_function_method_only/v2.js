// Only a prototype method of a constructor function changes: the function declaration's
// text is the same in both versions, so the update must still see the class as changed
// (its definition is the declaration and its prototype statements) and live instances,
// and the method read through the prototype, run the new body.
function Greeter(name) {
  this.name = name;
}
Greeter.prototype.greet = function () {
  return "good day, " + this.name + "!";
};

const g = new Greeter("ada");
console.log(g.greet());
