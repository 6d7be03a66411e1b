// Destructuring in function parameters, with defaults for the whole parameter.
function connect({ host = "localhost", port = 80, secure = false } = {}) {
  return `${secure ? "https" : "http"}://${host}:${port}`;
}
console.log(connect()); // expect: http://localhost:80
console.log(connect({ port: 8080 })); // expect: http://localhost:8080
console.log(connect({ host: "example.com", secure: true, port: 443 })); // expect: https://example.com:443

const distance = ([x1, y1], [x2, y2]) => Math.hypot(x2 - x1, y2 - y1);
console.log(distance([0, 0], [3, 4])); // expect: 5

const people = [
  { name: "Ann", age: 31 },
  { name: "Bob", age: 25 },
];
console.log(people.map(({ name, age }) => `${name}(${age})`).join(" ")); // expect: Ann(31) Bob(25)
console.log(Object.entries({ a: 1, b: 2 }).map(([k, v]) => k + v).join()); // expect: a1,b2

function summary({ title, tags: [firstTag = "none", ...moreTags] = [] }) {
  return `${title}: ${firstTag} +${moreTags.length}`;
}
console.log(summary({ title: "T1", tags: ["x", "y", "z"] })); // expect: T1: x +2
console.log(summary({ title: "T2" })); // expect: T2: none +0

class Rect {
  constructor({ w, h }) {
    this.w = w;
    this.h = h;
  }
}
console.log(new Rect({ h: 2, w: 5 })); // expect: Rect { w: 5, h: 2 }
