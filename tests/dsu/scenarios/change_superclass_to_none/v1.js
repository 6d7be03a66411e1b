// Invoices inherit bookkeeping fields from a generic Entity base class.
class Entity {
  constructor(id) {
    this.id = id;
    this.revision = 1;
  }

  label() {
    return `entity ${this.id} r${this.revision}`;
  }
}

class Invoice extends Entity {
  constructor(id, amount) {
    super(id);
    this.amount = amount;
  }

  summary() {
    return `${this.label()}: ${this.amount}`;
  }
}

const invoices = [new Invoice(101, 250), new Invoice(102, 75)];
invoices[1].revision++;
console.log(invoices.map((i) => i.summary()).join(", "));
