"use strict"; // Molt is strict everywhere; node scripts are sloppy unless told
// Calling a constructor function without `new` runs it as a function: in strict mode its
// `this` is undefined, so the first `this.x =` throws node's TypeError naming the property.
function Account(owner) {
  this.owner = owner;
  this.balance = 0;
}
Account.prototype.deposit = function (n) {
  this.balance += n;
  return this.balance;
};
try {
  Account("ada");
} catch (e) {
  console.log(e instanceof TypeError, e.message); // expect: true Cannot set properties of undefined (setting 'owner')
}
// With an explicit receiver it initializes that object, as a plain function would.
const target = {};
console.log(Account.call(target, "grace"), target); // expect: undefined { owner: 'grace', balance: 0 }
console.log(Account.prototype.deposit.call(target, 5), target.balance); // expect: 5 5
// A method called without its receiver has no `this` either.
const deposit = new Account("lin").deposit;
try {
  deposit(1);
} catch (e) {
  console.log(e.message); // expect: Cannot read properties of undefined (reading 'balance')
}
// Constructing runs the same body with a fresh instance.
const a = new Account("kay");
console.log(a.deposit(10), a.deposit(5), a); // expect: 10 15 Account { owner: 'kay', balance: 15 }
