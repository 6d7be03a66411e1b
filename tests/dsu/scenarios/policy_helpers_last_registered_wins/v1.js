// An address book.
class Contact {
  constructor(name, email, phone) {
    this.name = name;
    this.email = email;
    this.phone = phone;
  }

  card() {
    return `${this.name} <${this.email}>${this.phone ? ` ${this.phone}` : ""}`;
  }
}

class AddressBook {
  contacts = [];

  add(...args) {
    this.contacts.push(new Contact(...args));
    return this;
  }
}

const book = new AddressBook().add("Ada", "ada@example.org", "555-0101").add("Bob", "bob@example.org", null).contacts;
console.log(book.map((c) => c.card()).join(", "));
