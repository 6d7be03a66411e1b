// Helper in a subdirectory that itself requires a module from the parent directory.
const { add } = require("../_math");
function shout(s) {
  return s.toUpperCase() + "!";
}
function sumLengths(...words) {
  return words.reduce((acc, w) => add(acc, w.length), 0);
}
module.exports = { shout, sumLengths };
