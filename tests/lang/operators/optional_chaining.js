// ?. on members, indexes and calls; short-circuits the rest of the chain.
const config = {
  server: { port: 8080, hosts: ["a.example", "b.example"] },
  handler(x) {
    return `handled ${x}`;
  },
};
console.log(config.server?.port, config.client?.port); // expect: 8080 undefined
console.log(config.server?.hosts?.[1], config.server?.aliases?.[0]); // expect: b.example undefined
console.log(config.handler?.(1), config.missing?.(1)); // expect: handled 1 undefined
console.log(config.client?.deeply.nested.value); // expect: undefined
const nothing = null;
console.log(nothing?.x, nothing?.[0], nothing?.()); // expect: undefined undefined undefined

class Node {
  constructor(value, next = null) {
    this.value = value;
    this.next = next;
  }
}
const list = new Node(1, new Node(2));
console.log(list.next?.value, list.next?.next?.value); // expect: 2 undefined
let calls = 0;
const maybe = undefined;
maybe?.[calls++];
console.log(calls); // expect: 0
const arr = [[1, 2]];
console.log(arr[0]?.[1], arr[5]?.[1]); // expect: 2 undefined
console.log("str"?.length, (0)?.toFixed(1)); // expect: 3 0.0
