// Molt only: Molt.allInstances(C) lists the live instances of a class.
class Session {
  constructor(user) {
    this.user = user;
  }
}
class Unused {}

const sessions = [new Session("carol"), new Session("alice"), new Session("bob")];
const found = Molt.allInstances(Session);
console.log(found.length); // expect: 3
console.log(found.map((s) => s.user).sort()); // expect: [ 'alice', 'bob', 'carol' ]
console.log(found.every((s) => sessions.includes(s))); // expect: true
console.log(Molt.allInstances(Unused).length); // expect: 0
sessions.push(new Session("dave"));
console.log(Molt.allInstances(Session).length); // expect: 4
