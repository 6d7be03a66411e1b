// flat with depths and flatMap.
const nested = [1, [2, [3, [4, [5]]]]];
console.log(nested.flat()); // expect: [ 1, 2, [ 3, [ 4, [Array] ] ] ]
console.log(nested.flat(2)); // expect: [ 1, 2, 3, [ 4, [ 5 ] ] ]
console.log(nested.flat(Infinity)); // expect: [ 1, 2, 3, 4, 5 ]
console.log([[]].flat(), [1, 2].flat()); // expect: [] [ 1, 2 ]
const sentences = ["hello world", "good morning sun"];
console.log(sentences.flatMap((s) => s.split(" "))); // expect: [ 'hello', 'world', 'good', 'morning', 'sun' ]
console.log([1, 2, 3].flatMap((n) => (n % 2 ? [n, n * 10] : []))); // expect: [ 1, 10, 3, 30 ]
console.log([1, 2].flatMap((n) => [[n]])); // expect: [ [ 1 ], [ 2 ] ]
