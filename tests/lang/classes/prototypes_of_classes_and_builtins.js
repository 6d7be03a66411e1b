// C.prototype of classes and built-ins, Object.getPrototypeOf, isPrototypeOf, and the
// borrowed-method idioms of older code (decision 0020).
class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + " makes a sound"; }
}
class Dog extends Animal {
  speak() { return this.name + " barks"; }
  fetch() { return "ball"; }
}
const d = new Dog("rex");

// Borrowed methods.
const record = { k: 1 };
console.log(Object.prototype.hasOwnProperty.call(record, "k"), Object.prototype.hasOwnProperty.call(record, "z"));
// expect: true false
console.log(d.hasOwnProperty("name"), d.hasOwnProperty("speak"), Object.prototype.hasOwnProperty.call(d, "name"));
// expect: true false true
function rest() { return Array.prototype.slice.call(arguments, 1); }
console.log(rest(1, 2, 3));
// expect: [ 2, 3 ]
const into = [0];
Array.prototype.push.apply(into, [1, 2]);
console.log(into);
// expect: [ 0, 1, 2 ]
console.log(String.prototype.toUpperCase.call("ab"), Number.prototype.toFixed.call(1.5, 2));
// expect: AB 1.50
console.log(Animal.prototype.speak.call(d), Dog.prototype.speak.call(d));
// expect: rex makes a sound rex barks
console.log(typeof Array.prototype, typeof Object.prototype, typeof Map.prototype.get, typeof Animal.prototype);
// expect: object object function object

// The classic type test.
const tag = (v) => Object.prototype.toString.call(v);
console.log(tag([]), tag({}), tag(null), tag(undefined), tag(1), tag("s"), tag(true));
// expect: [object Array] [object Object] [object Null] [object Undefined] [object Number] [object String] [object Boolean]
console.log(tag(() => 1), tag(Dog), tag(new Error("e")), tag(new Date(0)), tag(/x/), tag(new Map()), tag(d));
// expect: [object Function] [object Function] [object Error] [object Date] [object RegExp] [object Map] [object Object]
class Tagged { get [Symbol.toStringTag]() { return "Tagged"; } }
console.log(tag(new Tagged()), String(new Tagged()), `${new Animal("x")}`);
// expect: [object Tagged] [object Tagged] [object Object]

// Identities along the chain.
console.log(Object.getPrototypeOf(d) === Dog.prototype, Dog.prototype === Dog.prototype);
// expect: true true
console.log(Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
// expect: true
console.log(Object.getPrototypeOf(Animal.prototype) === Object.prototype, Object.getPrototypeOf(Object.prototype));
// expect: true null
console.log(Object.getPrototypeOf([]) === Array.prototype, Object.getPrototypeOf({}) === Object.prototype);
// expect: true true
console.log(Object.getPrototypeOf(Dog) === Animal, Object.getPrototypeOf(Animal) === Function.prototype);
// expect: true true
console.log(Object.getPrototypeOf("s") === String.prototype, Object.getPrototypeOf(new Map()) === Map.prototype);
// expect: true true
let depth = 0;
for (let p = Object.getPrototypeOf(d); p !== null; p = Object.getPrototypeOf(p)) depth++;
console.log(depth);
// expect: 3
try { Object.getPrototypeOf(undefined); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Cannot convert undefined or null to object

// isPrototypeOf follows the same chain.
console.log(Dog.prototype.isPrototypeOf(d), Animal.prototype.isPrototypeOf(d), Object.prototype.isPrototypeOf(d));
// expect: true true true
console.log(Dog.prototype.isPrototypeOf(new Animal("a")), Array.prototype.isPrototypeOf([]), Animal.prototype.isPrototypeOf(1));
// expect: false true false
console.log(Animal.prototype.isPrototypeOf(Dog.prototype), Object.prototype.isPrototypeOf(Object.prototype));
// expect: true false

// Methods inherited from Object.prototype by every class.
console.log("hasOwnProperty" in d, typeof d.isPrototypeOf, d.valueOf() === d, d.toString());
// expect: true function true [object Object]

// Object.create with the two prototypes a record can have.
const dict = Object.create(null);
dict.a = 1;
dict["b c"] = 2;
console.log(dict, Object.keys(dict), "a" in dict, "toString" in dict, "hasOwnProperty" in dict);
// expect: [Object: null prototype] { a: 1, 'b c': 2 } [ 'a', 'b c' ] true false false
console.log(dict.toString, typeof dict.hasOwnProperty, Object.getPrototypeOf(dict));
// expect: undefined undefined null
console.log(Object.prototype.hasOwnProperty.call(dict, "a"), Object.hasOwn(dict, "z"), JSON.stringify(dict));
// expect: true false {"a":1,"b c":2}
for (const k in dict) console.log("key", k, dict[k]);
// expect: key a 1
// expect: key b c 2
const plain = Object.create(Object.prototype);
plain.x = 1;
console.log(plain, Object.getPrototypeOf(plain) === Object.prototype, typeof plain.hasOwnProperty);
// expect: { x: 1 } true function
try { dict.hasOwnProperty("a"); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError dict.hasOwnProperty is not a function
try { Object.create(5); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Object prototype may only be an Object or null: 5
