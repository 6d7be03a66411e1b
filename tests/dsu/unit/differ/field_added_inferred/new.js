class Gadget {
  constructor(name, watts) {
    this.name = name;
    this.watts = watts;
  }
  power() {
    this.uses++;
    return this.watts;
  }
}
