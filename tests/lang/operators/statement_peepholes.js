// `i++` as a statement (IncLocal), `x = v;` (StoreLocal) and a comparison tested by a jump
// (JumpIfNotLt...) are single instructions: they must keep the semantics of the sequences
// they replace, also where a branch lands between the parts.
let s = "5";
s++;
let o = { valueOf: () => 7 };
o--;
let u;
u++;
let big = 2147483647;
big++;
let low = -2147483648;
low--;
console.log(s, typeof s, o, u, big, low); // expect: 6 number 6 NaN 2147483648 -2147483649
let order = "";
for (let i = 3; i > 0; i--) order += i;
for (let i = 0.5; i < 3; i++) order += ` ${i}`;
console.log(order); // expect: 321 0.5 1.5 2.5
function pick(n) {
  let r;
  // The assignments in the branches are not statements: the jump lands on the Pop.
  n > 1 ? (r = "big") : (r = "small");
  const t = n >= 3 ? (r = r + "!") : (r = r + "?");
  return `${r} ${t}`;
}
console.log(pick(0), pick(2), pick(5)); // expect: small? small? big? big? big! big!
function test(a, b, c) {
  if (a || b < c) return "yes";
  if (!(a <= b) && c > a) return "second";
  return "no";
}
console.log(test(true, 5, 1), test(false, 1, 5), test(0, 0, 0), test(0, -1, 1)); // expect: yes yes no yes
const words = ["b", "a", "c"];
let first = "z";
for (const w of words) if (w < first) first = w;
console.log(first, "b" < "a", null >= 0, undefined < 1, NaN <= NaN); // expect: a false true false false
let count = 0;
while (count < 5) count++;
do count--; while (count > 2);
console.log(count); // expect: 2
