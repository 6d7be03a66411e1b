// A small member directory.
class Member {
  constructor(first, last, joined) {
    this.first = first;
    this.last = last;
    this.joined = joined;
  }

  greeting() {
    return `Hello, ${this.first}!`;
  }
}

class Directory {
  members = [];

  join(first, last, year) {
    const m = new Member(first, last, year);
    this.members.push(m);
    return m;
  }
}

const directory = new Directory();
directory.join("Ada", "Lovelace", 1842);
directory.join("Grace", "Hopper", 1952);
console.log(directory.members.map((m) => m.greeting()).join(" "));
