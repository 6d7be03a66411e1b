// Tickets created by a help desk; the constructor knows nothing about priorities.
class Ticket {
  static opened = 0;
  tags = [];

  constructor(title) {
    this.title = title;
    this.number = ++Ticket.opened;
  }

  toString() {
    return `#${this.number} ${this.title} [${this.tags.join(",")}]`;
  }
}

const tickets = [new Ticket("printer jammed"), new Ticket("vpn down")];
tickets[1].tags.push("network");
console.log(tickets.join("; "));
