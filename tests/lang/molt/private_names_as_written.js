// Molt only: the meta-object protocol shows and takes private names as the program writes
// them (`#balance`), never the runtime's encoding, and hides the slots built-ins keep.
class Account {
  #balance = 10;
  owner = "ann";
  #audit() {
    return this.#balance;
  }
  check() {
    return this.#audit();
  }
}
class Savings extends Account {
  #balance = 99; // a second field: the private name of another class
  rate = 2;
}
class Failure extends Error {
  code = "E1";
}

const def = Molt.readClassDefinition(Account);
console.log(def.fields); // expect: [ '#balance', 'owner' ]
console.log(def.methods); // expect: [ '#audit', 'check' ]
console.log(Molt.readClassDefinition(Savings).layout); // expect: [ '#balance', 'owner', '#balance', 'rate' ]
console.log(Molt.readClassDefinition(Failure).layout); // expect: [ 'message', 'stack', 'cause', 'code' ]

const s = new Savings();
// `#balance` names the nearest declaring class's field, as `this.#balance` in Savings would.
console.log(Molt.readInstanceVariable(s, "#balance")); // expect: 99
console.log(Molt.readInstanceVariable(new Account(), "#balance")); // expect: 10
Molt.writeInstanceVariable(s, "#balance", 5);
console.log(Molt.readInstanceVariable(s, "#balance"), s.check()); // expect: 5 10
