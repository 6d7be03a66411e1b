// Reading a property of null throws a TypeError.
class Directory {
  constructor() {
    this.users = new Map([["ann", { email: "ann@example.com" }]]);
  }
  find(name) {
    return this.users.get(name) ?? null;
  }
  emailLength(name) {
    const user = this.find(name);
    return user.email.length;
  }
}
function firstWordLength(words) {
  const first = words.length > 0 ? words[0] : null;
  return first.length;
}
const dir = new Directory();
console.log(dir.emailLength("ann")); // expect: 15
console.log(dir.find("bob")?.email ?? "no bob"); // expect: no bob
console.log(firstWordLength(["hello"])); // expect: 5
console.log(firstWordLength([]));
// expect runtime error: TypeError: Cannot read properties of null (reading 'length')
