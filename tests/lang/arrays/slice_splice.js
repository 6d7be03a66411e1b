// slice copies; splice removes/inserts in place and returns removed items.
const a = ["a", "b", "c", "d", "e"];
console.log(a.slice(1, 3), a.slice(-2), a.slice(), a.slice(4, 1)); // expect: [ 'b', 'c' ] [ 'd', 'e' ] [ 'a', 'b', 'c', 'd', 'e' ] []
const b = a.slice();
console.log(b.splice(1, 2), b); // expect: [ 'b', 'c' ] [ 'a', 'd', 'e' ]
console.log(b.splice(1, 0, "x", "y"), b); // expect: [] [ 'a', 'x', 'y', 'd', 'e' ]
console.log(b.splice(-1), b); // expect: [ 'e' ] [ 'a', 'x', 'y', 'd' ]
console.log(b.splice(1), b); // expect: [ 'x', 'y', 'd' ] [ 'a' ]
const c = [1, 2, 3];
c.splice(1, 1, "two", "deux");
console.log(c); // expect: [ 1, 'two', 'deux', 3 ]
console.log(a.join("")); // expect: abcde
