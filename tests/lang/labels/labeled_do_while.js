// Labels on do...while and while loops, with nested switch statements.
let i = 0;
const log = [];
loop: do {
  i++;
  switch (i % 3) {
    case 0:
      log.push("fizz");
      continue loop;
    case 1:
      if (i > 6) break loop;
      log.push(i);
      break;
    default:
      log.push("-");
  }
} while (i < 20);
console.log(log.join(" "), i); // expect: 1 - fizz 4 - fizz 7

let n = 0;
outer: while (true) {
  inner: while (true) {
    n++;
    if (n % 2) continue outer;
    if (n > 5) break outer;
    break inner;
  }
  n += 10;
}
console.log(n); // expect: 14
