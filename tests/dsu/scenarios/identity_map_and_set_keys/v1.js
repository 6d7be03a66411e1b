// Presence tracking: sessions map to users, a set holds who is online.
class User {
  constructor(name) {
    this.name = name;
  }
}

class Session {
  constructor(token, user) {
    this.token = token;
    this.user = user;
  }
}

const ada = new User("ada");
const bob = new User("bob");
const s1 = new Session("t-1", ada);
const s2 = new Session("t-2", bob);
const owners = new Map([[s1, ada], [s2, bob]]);
const online = new Set([ada, bob]);
const byName = new Map([["ada", ada], ["bob", bob]]);
const pairs = new Map([[ada, s1], [bob, s2]]);
const ids = [ada, bob, s1, s2].map((o) => Molt.identityOf(o));
console.log(owners.get(s1).name, online.has(bob), pairs.get(bob).token);
