// JSON.stringify of primitives, arrays and records.
console.log(JSON.stringify(42), JSON.stringify("hi"), JSON.stringify(true), JSON.stringify(null)); // expect: 42 "hi" true null
console.log(JSON.stringify([1, "two", false, null])); // expect: [1,"two",false,null]
console.log(JSON.stringify({ a: 1, b: [1, 2], c: { d: "e" } })); // expect: {"a":1,"b":[1,2],"c":{"d":"e"}}
console.log(JSON.stringify({ u: undefined, f() {}, g: () => 1, keep: 0 })); // expect: {"keep":0}
console.log(JSON.stringify([undefined, () => 1, NaN, Infinity, -0])); // expect: [null,null,null,null,0]
console.log(JSON.stringify(undefined), JSON.stringify(() => 1)); // expect: undefined undefined
console.log(JSON.stringify({}), JSON.stringify([]), JSON.stringify(""), JSON.stringify([[]])); // expect: {} [] "" [[]]
console.log(JSON.stringify(1e21), JSON.stringify(0.1 + 0.2), JSON.stringify(-5.5)); // expect: 1e+21 0.30000000000000004 -5.5
console.log(JSON.stringify({ nested: { list: [{ a: null }, [undefined]] } })); // expect: {"nested":{"list":[{"a":null},[null]]}}
console.log(JSON.stringify("quote\" backslash\\ newline\n tab\t")); // expect: "quote\" backslash\\ newline\n tab\t"
const rec = { b: 1, a: 2 };
rec.c = 3;
delete rec.b;
console.log(JSON.stringify(rec)); // expect: {"a":2,"c":3}
