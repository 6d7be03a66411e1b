// printf-style format specifiers in the first argument.
console.log("%s is %d years", "Ann", 31); // expect: Ann is 31 years
console.log("%i items, %f ratio", 42.9, "0.25"); // expect: 42 items, 0.25 ratio
console.log("%d and %i", "12abc", -7.8); // expect: NaN and -7
console.log("json: %j", { a: [1, "x"] }); // expect: json: {"a":[1,"x"]}
console.log("obj: %o", { a: 1 }); // expect: obj: { a: 1 }
console.log("str: %o", "quoted"); // expect: str: 'quoted'
console.log("big: %O", { a: { b: { c: { d: 1 } } } }); // expect: big: { a: { b: { c: [Object] } } }
console.log("100%% sure", "extra"); // expect: 100% sure extra
console.log("%s and %s", "one"); // expect: one and %s
console.log("%s", "a", "b", 3); // expect: a b 3
console.log("%x is not a format", 5); // expect: %x is not a format 5
console.log("%s|%s|%s", null, undefined, true); // expect: null|undefined|true
console.log("%s", [1, [2]], "%s"); // expect: [ 1, [Array] ] %s
console.log("%d%%", 50); // expect: 50%
console.log(5, "%s", "x"); // expect: 5 %s x
console.log("%s", 1.5, -0); // expect: 1.5 -0
