// A feature-flag registry.
class Flag {
  constructor(name, on) {
    this.name = name;
    this.on = on;
  }
}

class Flags {
  static all = new Map();

  static define(name, on) {
    Flags.all.set(name, new Flag(name, on));
  }

  static isOn(name) {
    return Flags.all.get(name)?.on ?? false;
  }
}

Flags.define("dark-mode", true);
Flags.define("beta-search", false);
const firstFlag = Flags.all.get("dark-mode");
console.log(Flags.isOn("dark-mode"), Flags.isOn("beta-search"), Flags.isOn("nope"));
