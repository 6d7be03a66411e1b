// How classes, functions and instances are printed.
class Empty {}
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return this.name;
  }
}
class Dog extends Animal {}
class WithStatic {
  static count = 3;
}
function namedFn() {}
const arrow = () => {};
const anon = [function () {}];
console.log(new Empty()); // expect: Empty {}
console.log(Empty, Animal, Dog); // expect: [class Empty] [class Animal] [class Dog extends Animal]
console.log(WithStatic); // expect: [class WithStatic] { count: 3 }
console.log(namedFn, arrow, anon[0]); // expect: [Function: namedFn] [Function: arrow] [Function (anonymous)]
console.log(new Dog("rex").speak, Math.max); // expect: [Function: speak] [Function: max]
console.log([Empty, namedFn], { cls: Dog, fn: arrow }); // expect: [ [class Empty], [Function: namedFn] ] { cls: [class Dog extends Animal], fn: [Function: arrow] }
console.log([new Empty(), new Dog("a")]); // expect: [ Empty {}, Dog { name: 'a' } ]
console.log(class {}, (() => class Inner {})()); // expect: [class (anonymous)] [class Inner]
console.log(String(typeof Dog), Dog.name, namedFn.name, arrow.name); // expect: function Dog namedFn arrow
