// A label on a plain block can be used with break to leave the block early.
function check(n) {
  const notes = [];
  validate: {
    if (n < 0) {
      notes.push("negative");
      break validate;
    }
    notes.push("non-negative");
    if (n > 100) {
      notes.push("big");
      break validate;
    }
    notes.push("small");
  }
  notes.push("done");
  return notes.join(",");
}
console.log(check(-1)); // expect: negative,done
console.log(check(500)); // expect: non-negative,big,done
console.log(check(5)); // expect: non-negative,small,done
