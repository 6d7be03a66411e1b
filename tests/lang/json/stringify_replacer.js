// A replacer array selects keys (in the replacer's order) at every level.
const user = { id: 1, name: "ann", password: "secret", profile: { name: "Ann A.", id: 99, bio: "hi" } };
console.log(JSON.stringify(user, ["name", "id", "profile"])); // expect: {"name":"ann","id":1,"profile":{"name":"Ann A.","id":99}}
console.log(JSON.stringify(user, ["bio"])); // expect: {}
console.log(JSON.stringify([{ a: 1, b: 2 }], ["b"])); // expect: [{"b":2}]
console.log(JSON.stringify(user, ["id"], 1));
// expect: {
// expect:  "id": 1
// expect: }
console.log(JSON.stringify(user, null).length); // expect: 88
