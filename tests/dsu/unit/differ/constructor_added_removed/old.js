class A {
  constructor() {
    this.x = 1;
  }
}
class B {
  y = 2;
}
