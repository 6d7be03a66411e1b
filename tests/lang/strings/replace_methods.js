// replace (first occurrence) and replaceAll with string patterns.
const s = "the cat sat on the mat";
console.log(s.replace("the", "a")); // expect: a cat sat on the mat
console.log(s.replaceAll("the", "a")); // expect: a cat sat on a mat
console.log(s.replace("dog", "x") === s); // expect: true
console.log("aaa".replaceAll("a", "aa"), "aaa".replaceAll("aa", "b")); // expect: aaaaaa ba
console.log("x.y.z".replaceAll(".", "/"), "1+1".replace("+", " plus ")); // expect: x/y/z 1 plus 1

function template(str, vars) {
  let out = str;
  for (const [k, v] of Object.entries(vars)) out = out.replaceAll(`{${k}}`, String(v));
  return out;
}
console.log(template("Hi {name}, you have {n} new {n}s", { name: "Ann", n: 3 })); // expect: Hi Ann, you have 3 new 3s
