// A static [Symbol.hasInstance](value) decides what `instanceof` answers for a class (and
// its subclasses, which inherit it); other classes keep the ordinary class test.
class Even {
  static [Symbol.hasInstance](n) {
    return typeof n === "number" && n % 2 === 0;
  }
}
console.log(2 instanceof Even, 3 instanceof Even, "4" instanceof Even); // expect: true false false
class StrictEven extends Even {}
console.log(8 instanceof StrictEven); // expect: true
class Duck {
  static [Symbol.hasInstance](obj) {
    return obj !== null && typeof obj === "object" && typeof obj.quack === "function";
  }
}
const robot = { quack() { return "beep"; } };
console.log(robot instanceof Duck, {} instanceof Duck); // expect: true false
class Plain {}
class Child extends Plain {}
console.log(new Child() instanceof Plain, robot instanceof Plain); // expect: true false
console.log(typeof Even[Symbol.hasInstance]); // expect: function
