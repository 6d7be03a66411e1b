// indexOf, lastIndexOf, includes, startsWith, endsWith.
const text = "the quick brown fox jumps over the lazy dog";
console.log(text.indexOf("the"), text.lastIndexOf("the"), text.indexOf("cat")); // expect: 0 31 -1
console.log(text.indexOf("o"), text.indexOf("o", 13), text.lastIndexOf("o", 20)); // expect: 12 17 17
console.log(text.includes("fox"), text.includes("Fox"), text.includes("")); // expect: true false true
console.log(text.startsWith("the"), text.startsWith("quick", 4), text.endsWith("dog")); // expect: true true true
console.log(text.endsWith("lazy", 39), "".indexOf(""), "abc".indexOf("", 10)); // expect: true 0 3

function countOccurrences(hay, needle) {
  let count = 0;
  let pos = hay.indexOf(needle);
  while (pos !== -1) {
    count++;
    pos = hay.indexOf(needle, pos + 1);
  }
  return count;
}
console.log(countOccurrences(text, "o"), countOccurrences("aaaa", "aa")); // expect: 4 3
