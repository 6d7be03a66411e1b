// finally runs after try and catch, even on return, break and rethrow.
const log = [];
function f(mode) {
  try {
    log.push("try");
    if (mode === "throw") throw new Error("x");
    if (mode === "return") return "returned";
  } catch (e) {
    log.push("catch");
    return "caught";
  } finally {
    log.push("finally");
  }
  return "fell through";
}
console.log(f("none"), log.join(",")); // expect: fell through try,finally
log.length = 0;
console.log(f("throw"), log.join(",")); // expect: caught try,catch,finally
log.length = 0;
console.log(f("return"), log.join(",")); // expect: returned try,finally

function override() {
  try {
    return "from try";
  } finally {
    return "from finally";
  }
}
console.log(override()); // expect: from finally

const seen = [];
for (let i = 0; i < 3; i++) {
  try {
    if (i === 1) continue;
    if (i === 2) break;
    seen.push(`body${i}`);
  } finally {
    seen.push(`fin${i}`);
  }
}
console.log(seen.join(" ")); // expect: body0 fin0 fin1 fin2
