// Static getters and setters.
class Logger {
  static #level = "info";
  static #levels = ["debug", "info", "warn", "error"];
  static get level() {
    return Logger.#level;
  }
  static set level(name) {
    if (Logger.#levels.includes(name)) Logger.#level = name;
  }
  static get rank() {
    return Logger.#levels.indexOf(Logger.#level);
  }
  static log(level, msg) {
    if (Logger.#levels.indexOf(level) >= Logger.rank) console.log(`[${level}] ${msg}`);
  }
}

Logger.log("debug", "hidden");
Logger.log("warn", "disk almost full"); // expect: [warn] disk almost full
Logger.level = "debug";
Logger.log("debug", "now visible"); // expect: [debug] now visible
Logger.level = "verbose";
console.log(Logger.level, Logger.rank); // expect: debug 0
