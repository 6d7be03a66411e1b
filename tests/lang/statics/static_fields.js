// Static fields shared by all instances, updated from constructors.
class Ticket {
  static count = 0;
  static prefix = "T";
  static issued = [];
  constructor() {
    Ticket.count++;
    this.id = `${Ticket.prefix}${Ticket.count}`;
    Ticket.issued.push(this.id);
  }
}

console.log(Ticket.count); // expect: 0
const t1 = new Ticket();
const t2 = new Ticket();
Ticket.prefix = "X";
const t3 = new Ticket();
console.log(t1.id, t2.id, t3.id); // expect: T1 T2 X3
console.log(Ticket.count, Ticket.issued); // expect: 3 [ 'T1', 'T2', 'X3' ]
console.log(t1.count); // expect: undefined
