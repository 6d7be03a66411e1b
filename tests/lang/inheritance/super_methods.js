// super.method() calls the parent's implementation, through several levels.
class Logger {
  format(msg) {
    return msg;
  }
}
class TimestampLogger extends Logger {
  format(msg) {
    return `[12:00] ${super.format(msg)}`;
  }
}
class LevelLogger extends TimestampLogger {
  constructor(level) {
    super();
    this.level = level;
  }
  format(msg) {
    return super.format(`${this.level.toUpperCase()} ${msg}`);
  }
}

console.log(new Logger().format("a")); // expect: a
console.log(new TimestampLogger().format("b")); // expect: [12:00] b
console.log(new LevelLogger("warn").format("c")); // expect: [12:00] WARN c

class Base {
  greet() {
    return "base";
  }
  static create() {
    return "Base.create";
  }
}
class Child extends Base {
  greet() {
    const viaArrow = () => super.greet();
    return `child+${viaArrow()}`;
  }
  static create() {
    return `Child.create via ${super.create()}`;
  }
}
console.log(new Child().greet()); // expect: child+base
console.log(Child.create()); // expect: Child.create via Base.create
