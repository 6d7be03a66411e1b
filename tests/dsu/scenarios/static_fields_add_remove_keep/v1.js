// Class-side state: an id generator with a counter and a prefix held in static fields.
class IdGen {
  static next = 1;
  static legacyPrefix = "X-";
  static issued = [];

  static make() {
    const id = `${IdGen.legacyPrefix}${IdGen.next++}`;
    IdGen.issued.push(id);
    return id;
  }
}

class Ticket {
  constructor(title) {
    this.id = IdGen.make();
    this.title = title;
  }
}

const tickets = [new Ticket("crash on start"), new Ticket("typo"), new Ticket("slow search")];
console.log(tickets.map((t) => t.id).join(" "), IdGen.next);
