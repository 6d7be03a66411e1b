// super.x = v assigns on `this` (through a setter above the class when there is one, past
// the class's own accessor otherwise), super.x op= v, and super[expr] reads.
class Base {
  #hidden = 0;
  log = [];
  get hidden() { return this.#hidden; }
  set hidden(v) { this.log.push("Base.set " + v); this.#hidden = v; }
  greet() { return "base greet"; }
  get kind() { return "base kind"; }
  static sval = 1;
  static set config(v) { Base.seen = "static set " + v + " on " + this.name; }
}

class Derived extends Base {
  plain = 0;
  get plain2() { return "derived getter"; }
  set plain2(v) { this.log.push("Derived.set " + v); }
  set hidden(v) { this.log.push("Derived.set " + v); super.hidden = v * 10; }
  get hidden() { return super.hidden; }
  run() {
    super.plain = 5; // no accessor above: a data write on this
    this.hidden = 2; // Derived's setter, which goes on to Base's
    const r = (super.hidden = 3); // Base's setter directly; the expression is the value
    super.plain += 10; // reads super.plain (Base has none: undefined), writes NaN on this
    super.plain ||= 99; // super.plain is still undefined above: writes 99
    return [this.plain, this.hidden, r, this.log.join("; ")];
  }
  names(which) {
    return [super["greet"](), super[which], super["kin" + "d"], super[Symbol.iterator]];
  }
  static tweak() {
    super.config = 7;
    super.sval = 2; // defines a static on Derived, as node does
    return [Derived.sval, Base.sval, Base.seen];
  }
}

const d = new Derived();
console.log(JSON.stringify(d.run()));
// expect: [99,3,3,"Derived.set 2; Base.set 20; Base.set 3"]
console.log(JSON.stringify(d.names("greet").map(String)));
// expect: ["base greet","greet() { return \"base greet\"; }","base kind","undefined"]
console.log(JSON.stringify(Derived.tweak()));
// expect: [2,1,"static set 7 on Derived"]

// An arrow inside a method sees the method's super.
class Arrowed extends Base {
  run() {
    const set = (v) => { super.hidden = v; };
    set(4);
    return this.hidden;
  }
}
console.log(new Arrowed().run()); // expect: 4

// Writing through super where only a getter exists above is a TypeError.
class ReadOnly extends Base {
  run() {
    try {
      super.kind = "x";
    } catch (e) {
      return e.constructor.name;
    }
    return "no error";
  }
}
console.log(new ReadOnly().run()); // expect: TypeError
