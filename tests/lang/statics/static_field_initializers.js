// Static fields initialized from expressions that use earlier statics.
class Config {
  static base = 10;
  static doubled = Config.base * 2;
  static list = [Config.base, Config.doubled];
  static label = `cfg-${Config.list.length}`;
  static helper() {
    return Config.list.map((x) => x + 1);
  }
}

console.log(Config.base, Config.doubled); // expect: 10 20
console.log(Config.list, Config.label); // expect: [ 10, 20 ] cfg-2
console.log(Config.helper()); // expect: [ 11, 21 ]
Config.base = 99;
console.log(Config.doubled); // expect: 20
