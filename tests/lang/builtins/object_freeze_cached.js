"use strict";
// Freezing an object whose field writes are already cached still refuses them.
class Q {
  v = 0;
  bump() { this.v++; }
  set(n) { this.v = n; }
}
const q = new Q();
const other = new Q();
for (let i = 0; i < 5; i++) { q.bump(); other.bump(); }
Object.freeze(q);
for (const f of [() => q.bump(), () => q.set(9), () => { q.v = 1; }]) {
  try { f(); } catch (e) { console.log(e.message); }
}
// expect: Cannot assign to read only property 'v' of object '#<Q>'
// expect: Cannot assign to read only property 'v' of object '#<Q>'
// expect: Cannot assign to read only property 'v' of object '#<Q>'
other.bump(); // the unfrozen instance of the same class still writes
console.log(q.v, other.v); // expect: 5 6
const list = [0, 0, 0];
for (let i = 0; i < 3; i++) list[i] = i;
Object.freeze(list);
try { for (let i = 0; i < 3; i++) list[i] = 9; } catch (e) { console.log(e.message); } // expect: Cannot assign to read only property '0' of object '[object Array]'
console.log(list); // expect: [ 0, 1, 2 ]
