// Closures capture variables, not values; each call makes a fresh environment.
function makeCounter(start = 0, step = 1) {
  let count = start;
  return {
    next: () => (count += step),
    reset() {
      count = start;
    },
    peek: () => count,
  };
}

const a = makeCounter();
const b = makeCounter(100, 10);
a.next();
a.next();
b.next();
console.log(a.peek(), b.peek()); // expect: 2 110
a.reset();
console.log(a.peek(), a.next()); // expect: 0 1
console.log(b.next(), b.next()); // expect: 120 130
