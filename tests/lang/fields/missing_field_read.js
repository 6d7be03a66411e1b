// Reading a field that is not in the layout gives undefined.
class User {
  name = "anon";
  constructor(age) {
    this.age = age;
  }
}

const u = new User(30);
console.log(u.nickname); // expect: undefined
console.log(u.nickname === undefined, u.nickname ?? "none"); // expect: true none
console.log(u["name"], u["age"]); // expect: anon 30
const key = "age";
console.log(u[key] + 1); // expect: 31
console.log(Object.keys(u)); // expect: [ 'name', 'age' ]
console.log(u.nickname?.length); // expect: undefined
console.log(String(u.nickname), `${u.nickname}`); // expect: undefined undefined
