class Gadget {
  constructor(name) {
    this.name = name;
  }
}
