// User accounts shown by name in a member list.
class User {
  constructor(name, email) {
    this.name = name;
    this.email = email;
  }

  display() {
    return this.name;
  }
}

class MemberList {
  constructor(users) {
    this.users = users;
  }

  render() {
    return this.users.map((u) => u.display());
  }
}

const users = [new User("ada", "ada@example.org"), new User("grace", "grace@example.org")];
const list = new MemberList(users);
console.log(list.render());
