// Reading a property of undefined throws a TypeError naming the property.
class Config {
  constructor() {
    this.settings = { db: { host: "localhost" } };
  }
}
const c = new Config();
console.log(c.settings.db.host); // expect: localhost
console.log(c.settings.cache?.x); // expect: undefined
console.log(c.settings.cache.x);
// expect runtime error: TypeError: Cannot read properties of undefined (reading 'x')
