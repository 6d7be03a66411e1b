// Validators and normalizers of the kind form handlers and config loaders use.
class Validator {
  static EMAIL = /^[\w.+-]+@(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}$/i;
  static DATE = /^(?<y>\d{4})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])$/;
  static HEX = /^#?(?:[\da-f]{3}){1,2}$/i;
  static IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
  static strongPassword(p) {
    return [/[a-z]/, /[A-Z]/, /\d/, /[^\w\s]/, /^.{8,}$/].every((re) => re.test(p));
  }
  static date(s) {
    const m = Validator.DATE.exec(s);
    if (!m) return null;
    const { y, m: month, d } = m.groups;
    return { year: Number(y), month: Number(month), day: Number(d) };
  }
}

for (const e of ["ann@example.com", "Bob.Smith+tag@Mail.Example.ORG", "bad@", "x@y.z", "no spaces@x.io"])
  console.log(e, Validator.EMAIL.test(e)); // expect: ann@example.com true
  // expect: Bob.Smith+tag@Mail.Example.ORG true
  // expect: bad@ false
  // expect: x@y.z false
  // expect: no spaces@x.io false
for (const d of ["2024-02-29", "2024-13-01", "1999-12-31", "99-1-1"]) console.log(d, Validator.date(d)); // expect: 2024-02-29 { year: 2024, month: 2, day: 29 }
// expect: 2024-13-01 null
// expect: 1999-12-31 { year: 1999, month: 12, day: 31 }
// expect: 99-1-1 null
console.log(["#fff", "#A0B1C2", "abc", "#abcd"].map((h) => Validator.HEX.test(h))); // expect: [ true, true, true, false ]
console.log(["192.168.0.1", "256.1.1.1", "10.0.0", "0.0.0.0"].map((ip) => Validator.IPV4.test(ip))); // expect: [ true, false, false, true ]
console.log(["password", "Passw0rd!", "Sh0rt!", "LONGPASSWORD1!"].map((p) => Validator.strongPassword(p))); // expect: [ false, true, false, false ]

function slugify(title) {
  return title.toLowerCase().replace(/[^\w\s-]/g, "").trim().replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
console.log(slugify("  Hello, World! -- A  Tale_of Two   Cities "), slugify("Ünïcode & stuff")); // expect: hello-world-a-tale-of-two-cities ncode-stuff
function camelToSnake(s) {
  return s.replace(/(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, "_").toLowerCase();
}
console.log(["parseHTTPResponse", "userId", "XMLHttpRequest", "simple"].map(camelToSnake)); // expect: [ 'parse_http_response', 'user_id', 'xml_http_request', 'simple' ]
const phone = "Call +1 (555) 010-9999 or 555.123.4567 today";
console.log(phone.match(/\(?\d{3}\)?[\s.-]?\d{3}[.-]\d{4}/g), phone.replace(/\d(?=\d{4})/g, "#")); // expect: [ '(555) 010-9999', '555.123.4567' ] Call +1 (555) 010-9999 or 555.123.4567 today
function parseDuration(s) {
  const units = { h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const [, n, u] of s.matchAll(/(\d+)\s*([hms])/g)) total += Number(n) * units[u];
  return total;
}
console.log(parseDuration("1h 30m"), parseDuration("45s"), parseDuration("2h5m10s")); // expect: 5400 45 7510
