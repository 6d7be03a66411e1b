// Map: set/get/has/delete/clear/size, chaining, insertion order.
const m = new Map();
console.log(m.set("a", 1) === m, m.size); // expect: true 1
m.set("b", 2).set("c", 3);
m.set("a", 10);
console.log(m.get("a"), m.get("zzz"), m.has("b"), m.has("zzz")); // expect: 10 undefined true false
console.log([...m.keys()]); // expect: [ 'a', 'b', 'c' ]
console.log(m.delete("b"), m.delete("b"), m.size); // expect: true false 2
m.set("b", 20);
console.log([...m.entries()]); // expect: [ [ 'a', 10 ], [ 'c', 3 ], [ 'b', 20 ] ]
console.log(m); // expect: Map(3) { 'a' => 10, 'c' => 3, 'b' => 20 }
m.clear();
console.log(m.size, m); // expect: 0 Map(0) {}
const fromArr = new Map([[1, "one"], [2, "two"]]);
console.log(fromArr.get(1), fromArr.get("1")); // expect: one undefined
