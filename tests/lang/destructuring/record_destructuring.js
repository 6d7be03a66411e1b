// Record destructuring: renaming, defaults, nesting, rest, computed keys.
const user = { id: 7, name: "Ann", address: { city: "Oslo", zip: "0150" }, roles: ["admin", "dev"] };
const { id, name: userName } = user;
console.log(id, userName); // expect: 7 Ann
const { address: { city }, roles: [mainRole] } = user;
console.log(city, mainRole); // expect: Oslo admin
const { missing = "fallback", id: renamed = 0 } = user;
console.log(missing, renamed); // expect: fallback 7
const { id: _id, address, ...rest } = user;
console.log(rest); // expect: { name: 'Ann', roles: [ 'admin', 'dev' ] }
const field = "name";
const { [field]: dynamic } = user;
console.log(dynamic); // expect: Ann
const { length } = "four";
console.log(length); // expect: 4

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
const { x, y, z = "no z" } = new Point(3, 4);
console.log(x, y, z); // expect: 3 4 no z
