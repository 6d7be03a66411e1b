// Fields assigned through `this.name =` in the class's own methods belong to the layout.
class Connection {
  constructor(host) {
    this.host = host;
    this.open = false;
    this.retries = 0;
  }
  connect() {
    this.open = true;
    this.connectedAt = 42;
  }
  fail() {
    this.retries += 1;
    this.lastError = "timeout";
  }
}

const c = new Connection("db.local");
console.log(c.connectedAt, c.lastError); // expect: undefined undefined
c.fail();
c.fail();
console.log(c.retries, c.lastError); // expect: 2 timeout
c.connect();
console.log(c.open, c.connectedAt); // expect: true 42
c.connectedAt = 43;
console.log(c.connectedAt + 1); // expect: 44
console.log(c.host.toUpperCase()); // expect: DB.LOCAL
