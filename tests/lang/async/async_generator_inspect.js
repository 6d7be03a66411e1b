// console.log prints an async generator object as node does (Object [AsyncGenerator] {}),
// also nested, while a user class that happens to be named AsyncGenerator keeps its name.
async function* numbers() {
  yield 1;
}
class Feed {
  async *entries() {}
}
console.log(numbers());
console.log([numbers()], { feed: new Feed().entries() });
class AsyncGenerator {
  x = 1;
}
console.log(new AsyncGenerator(), new (class AsyncGenerator {})());
// expect: Object [AsyncGenerator] {}
// expect: [ Object [AsyncGenerator] {} ] { feed: Object [AsyncGenerator] {} }
// expect: AsyncGenerator { x: 1 } AsyncGenerator {}
