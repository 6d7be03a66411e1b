// Writing length truncates; index assignment extends.
const a = [1, 2, 3, 4, 5];
a.length = 3;
console.log(a, a.length); // expect: [ 1, 2, 3 ] 3
a.length = 0;
console.log(a); // expect: []
const b = [];
b[0] = "first";
b[1] = "second";
console.log(b.length, b); // expect: 2 [ 'first', 'second' ]
b[b.length] = "third";
console.log(b); // expect: [ 'first', 'second', 'third' ]
const c = [1, 2, 3];
c.length = 1;
c.push(9);
console.log(c); // expect: [ 1, 9 ]
