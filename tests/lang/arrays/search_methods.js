// indexOf, lastIndexOf, includes, find, findIndex, findLast, findLastIndex.
const nums = [5, 12, 8, 130, 44, 8, NaN];
console.log(nums.indexOf(8), nums.lastIndexOf(8), nums.indexOf(99)); // expect: 2 5 -1
console.log(nums.indexOf(NaN), nums.includes(NaN), nums.includes(44)); // expect: -1 true true
console.log(nums.indexOf(8, 3), [1, 2, 1].lastIndexOf(1, 1)); // expect: 5 0
console.log(nums.find((n) => n > 10), nums.findIndex((n) => n > 10)); // expect: 12 1
console.log(nums.findLast((n) => n < 10), nums.findLastIndex((n) => n < 10)); // expect: 8 5
console.log(nums.find((n) => n > 1000), nums.findIndex((n) => n > 1000)); // expect: undefined -1

class Employee {
  constructor(name, dept) {
    this.name = name;
    this.dept = dept;
  }
}
const staff = [new Employee("ann", "eng"), new Employee("bob", "ops"), new Employee("cy", "eng")];
console.log(staff.find((e) => e.dept === "eng").name, staff.findLast((e) => e.dept === "eng").name); // expect: ann cy
console.log(staff.includes(staff[1]), staff.indexOf(new Employee("bob", "ops"))); // expect: true -1
