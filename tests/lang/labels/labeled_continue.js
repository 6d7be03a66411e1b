// Labeled continue skips to the next iteration of an outer loop.
const words = ["apple", "sky", "rhythm", "tree", "gym"];
const withVowels = [];
next: for (const w of words) {
  for (const ch of w) {
    if ("aeiou".includes(ch)) {
      withVowels.push(w);
      continue next;
    }
  }
}
console.log(withVowels); // expect: [ 'apple', 'tree' ]

const pairs = [];
rows: for (let i = 0; i < 4; i++) {
  let j = 0;
  while (j < 4) {
    if (j > i) continue rows;
    pairs.push(`${i}${j}`);
    j++;
  }
}
console.log(pairs.join(" ")); // expect: 00 10 11 20 21 22 30 31 32 33
