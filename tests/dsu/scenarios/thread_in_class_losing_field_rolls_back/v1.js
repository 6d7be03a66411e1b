// A connection whose keep-alive loop reads a field the patch removes.
class Connection {
  constructor(host) {
    this.host = host;
    this.legacyToken = "tok-123";
    this.pings = 0;
  }

  keepAlive() {
    while (true) {
      Thread.sleep(20);
      this.pings++;
      if (!this.legacyToken) throw new Error("lost the token");
    }
  }

  describe() {
    return `${this.host} (${this.legacyToken})`;
  }
}

const conn = new Connection("db.local");
Thread.spawn(() => conn.keepAlive());
Thread.sleep(1); // the thread is now inside keepAlive()
console.log(conn.describe());
