// Accessors are inherited and can be overridden; super.prop reads the parent getter.
class Shape {
  constructor(name) {
    this.name = name;
  }
  get area() {
    return 0;
  }
  get description() {
    return `${this.name} with area ${this.area}`;
  }
}
class Rect extends Shape {
  constructor(w, h) {
    super("rect");
    this.w = w;
    this.h = h;
  }
  get area() {
    return this.w * this.h;
  }
}
class Square extends Rect {
  constructor(s) {
    super(s, s);
    this.name = "square";
  }
  get description() {
    return super.description + " (square)";
  }
}

console.log(new Shape("blob").description); // expect: blob with area 0
console.log(new Rect(2, 3).description); // expect: rect with area 6
console.log(new Square(4).description); // expect: square with area 16 (square)
console.log(new Square(2)); // expect: Square { name: 'square', w: 2, h: 2 }
