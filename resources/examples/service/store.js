// Persistence for the shop service: every order is appended to a JSON-lines file, and the
// file is read back at start, so the service's state survives a restart as well as an update.
const fs = require("fs");
const path = require("path");

class OrderLog {
  constructor(folder) {
    fs.mkdirSync(folder, { recursive: true });
    this.file = path.join(folder, "orders.jsonl");
  }
  load() {
    if (!fs.existsSync(this.file)) return [];
    return fs
      .readFileSync(this.file, "utf8")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line));
  }
  append(record) {
    fs.appendFileSync(this.file, JSON.stringify(record) + "\n");
  }
}

module.exports = { OrderLog };
