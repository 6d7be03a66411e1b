// push, pop, shift, unshift and length as a stack and a queue.
const stack = [];
console.log(stack.push(1), stack.push(2, 3)); // expect: 1 3
console.log(stack.pop(), stack); // expect: 3 [ 1, 2 ]
console.log([].pop(), [].shift()); // expect: undefined undefined
const queue = ["a"];
console.log(queue.unshift("z", "y"), queue); // expect: 3 [ 'z', 'y', 'a' ]
console.log(queue.shift(), queue.length); // expect: z 2

class Stack {
  items = [];
  push(x) {
    this.items.push(x);
    return this;
  }
  pop() {
    return this.items.pop();
  }
  get top() {
    return this.items[this.items.length - 1];
  }
}
function balanced(text) {
  const pairs = { ")": "(", "]": "[", "}": "{" };
  const s = new Stack();
  for (const ch of text) {
    if ("([{".includes(ch)) s.push(ch);
    else if (ch in pairs && s.pop() !== pairs[ch]) return false;
  }
  return s.top === undefined;
}
console.log(["(a[b]{c})", "(]", "((", "x"].map(balanced)); // expect: [ true, false, false, true ]
