// Getters without setters are recomputed on each access.
class Circle {
  constructor(r) {
    this.r = r;
  }
  get diameter() {
    return this.r * 2;
  }
  get area() {
    return Number((Math.PI * this.r ** 2).toFixed(2));
  }
}

const c = new Circle(1);
console.log(c.diameter, c.area); // expect: 2 3.14
c.r = 10;
console.log(c.diameter, c.area); // expect: 20 314.16
const values = [1, 2, 3].map((r) => new Circle(r).diameter);
console.log(values); // expect: [ 2, 4, 6 ]
console.log(typeof c.area); // expect: number
