class A {
  x = 1;
}
class B {
  y = 2;
  constructor() {
    console.log("made a B");
  }
}
