// Registered users and anonymous guests are separate classes.
class User {
  constructor(name, email, role) {
    this.name = name;
    this.email = email;
    this.role = role;
  }

  describe() {
    return `${this.name} <${this.email}> ${this.role}`;
  }
}

class Guest {
  constructor(name) {
    this.name = name;
    this.visits = 1;
  }

  describe() {
    return `guest ${this.name} (${this.visits} visits)`;
  }
}

const people = [new User("ada", "ada@example.org", "admin"), new Guest("visitor-7"), new Guest("visitor-9")];
people[1].visits++;
const ids = people.map((p) => Molt.identityOf(p));
const lastGuest = people[2];
console.log(people.map((p) => p.describe()).join("; "));
