// Replacing a prototype with a literal that does not name the constructor would make the
// instances plain objects to node (constructor Object); the class model cannot be that.
function Queue() {
  this.items = [];
}
Queue.prototype = {
  add(x) {
    this.items.push(x);
  },
};
// expect compile error: 6:19: a prototype literal must name its constructor (`constructor: Queue,`): without it, instances of Queue would print as plain objects and have Object as their constructor, which the class model does not represent
