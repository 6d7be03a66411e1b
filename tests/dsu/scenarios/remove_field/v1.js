// Login sessions that used to carry a raw token (a security smell).
class Session {
  constructor(user, token, ttl) {
    this.user = user;
    this.token = token;
    this.ttl = ttl;
  }

  describe() {
    return `${this.user} [${this.token.slice(0, 3)}...] ttl=${this.ttl}`;
  }

  tick() {
    this.ttl--;
  }
}

const sessions = [new Session("ada", "s3cr3t-1", 10), new Session("bob", "hunter2", 5)];
for (const s of sessions) s.tick();
console.log(sessions.map((s) => s.describe()).join(" | "));
