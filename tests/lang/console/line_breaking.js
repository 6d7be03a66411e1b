// Output longer than the line width is broken over several lines with indentation.
class Config {
  constructor() {
    this.hostname = "server.example.com";
    this.port = 8080;
    this.protocols = ["http", "https"];
    this.timeoutMillis = 30000;
  }
}
console.log(new Config());
// expect: Config {
// expect:   hostname: 'server.example.com',
// expect:   port: 8080,
// expect:   protocols: [ 'http', 'https' ],
// expect:   timeoutMillis: 30000
// expect: }
console.log({ short: 1, inner: { description: "a fairly long string value here", count: 12345678 } });
// expect: {
// expect:   short: 1,
// expect:   inner: { description: 'a fairly long string value here', count: 12345678 }
// expect: }
console.log(["a long string number one", "a long string number two", "three"]);
// expect: [ 'a long string number one', 'a long string number two', 'three' ]
console.log(["a long string number one", "a long string number two", "a third long one"]);
// expect: [
// expect:   'a long string number one',
// expect:   'a long string number two',
// expect:   'a third long one'
// expect: ]
