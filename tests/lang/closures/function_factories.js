// Higher-order functions: compose, curry, memoize.
const compose = (...fns) => (x) => fns.reduceRight((acc, f) => f(acc), x);
const add = (a) => (b) => a + b;
const mul = (a) => (b) => a * b;

const f = compose(add(1), mul(2));
console.log(f(5)); // expect: 11
console.log(compose()(7)); // expect: 7

function memoize(fn) {
  const cache = new Map();
  let misses = 0;
  const wrapped = (n) => {
    if (!cache.has(n)) {
      misses++;
      cache.set(n, fn(n));
    }
    return cache.get(n);
  };
  return [wrapped, () => misses];
}

const [fib, misses] = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
console.log(fib(50)); // expect: 12586269025
console.log(misses()); // expect: 51
console.log(fib(30), misses()); // expect: 832040 51

function curry3(fn) {
  return (a) => (b) => (c) => fn(a, b, c);
}
console.log(curry3((a, b, c) => `${a}-${b}-${c}`)(1)(2)(3)); // expect: 1-2-3
