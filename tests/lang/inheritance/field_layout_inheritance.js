// Instance layout: superclass fields first, then the subclass's declared fields,
// then the subclass constructor's assignments.
class Entity {
  id = 0;
  constructor(id) {
    this.id = id;
    this.created = "today";
  }
}
class Person extends Entity {
  name = "?";
  tags = [];
  constructor(id, name) {
    super(id);
    this.name = name;
    this.active = true;
  }
}
class Employee extends Person {
  salary = 0;
  constructor(id, name, salary) {
    super(id, name);
    this.salary = salary;
  }
}

console.log(new Entity(1)); // expect: Entity { id: 1, created: 'today' }
console.log(new Person(2, "ann")); // expect: Person { id: 2, created: 'today', name: 'ann', tags: [], active: true }
const e = new Employee(3, "bob", 10);
console.log(Object.keys(e).join(",")); // expect: id,created,name,tags,active,salary
console.log(e.id, e.name, e.salary, e.active); // expect: 3 bob 10 true
