// A value without [Symbol.iterator] in a for-of is a TypeError, raised when the loop starts.
class Bag {
  constructor() { this.items = [1, 2]; }
}
let ran = false;
try {
  for (const x of new Bag()) ran = true;
} catch (e) {
  console.log(e instanceof TypeError, ran); // expect: true false
}
class Broken {
  [Symbol.iterator]() { return { next: () => 5 }; }
}
try {
  for (const x of new Broken());
} catch (e) {
  console.log(e.message); // expect: Iterator result 5 is not an object
}
for (const x of new Bag()) console.log(x);
// expect runtime error: TypeError: Bag is not iterable
