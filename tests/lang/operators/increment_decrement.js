// Prefix and postfix ++/-- on variables, array slots, record keys and fields.
let i = 5;
console.log(i++, i, ++i, i); // expect: 5 6 7 7
console.log(i--, i, --i, i); // expect: 7 6 5 5

const arr = [1, 2, 3];
arr[1]++;
++arr[2];
console.log(arr, arr[0]--, arr[0]); // expect: [ 0, 3, 4 ] 1 0

const rec = { hits: 0 };
rec.hits++;
rec["hits"] += 10;
console.log(rec.hits); // expect: 11

class Counter {
  n = 0;
  tick() {
    return this.n++;
  }
  tock() {
    return ++this.n;
  }
}
const c = new Counter();
console.log(c.tick(), c.tick(), c.tock(), c.n); // expect: 0 1 3 3

let s = "5";
s++;
console.log(s, typeof s); // expect: 6 number
let u;
u++;
console.log(u); // expect: NaN
let f = 1.5;
f--;
console.log(f); // expect: 0.5
