// encodeURIComponent, encodeURI, decodeURIComponent, decodeURI and URIError.
const text = "a b&c=d/é?x#y;z+1 ✓ 😀 ~*'()!-_.";
console.log(encodeURIComponent(text)); // expect: a%20b%26c%3Dd%2F%C3%A9%3Fx%23y%3Bz%2B1%20%E2%9C%93%20%F0%9F%98%80%20~*'()!-_.
console.log(encodeURI(text)); // expect: a%20b&c=d/%C3%A9?x#y;z+1%20%E2%9C%93%20%F0%9F%98%80%20~*'()!-_.
console.log(decodeURIComponent(encodeURIComponent(text)) === text, decodeURI(encodeURI(text)) === text); // expect: true true
console.log(decodeURIComponent("%41%62%2F%3f%E2%9C%93"), decodeURI("%41%62%2F%3f%E2%9C%93%23")); // expect: Ab/?✓ Ab%2F%3f✓%23
console.log(encodeURIComponent(42), encodeURIComponent(undefined), encodeURI("http://x.com/a b?q=1&r=é"));
// expect: 42 undefined http://x.com/a%20b?q=1&r=%C3%A9
console.log(decodeURIComponent("caf%C3%A9"), decodeURIComponent("no escapes"), decodeURI("%25")); // expect: café no escapes %
const query = { name: "Ada Lovelace", lang: "en & fr" };
console.log(Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")); // expect: name=Ada%20Lovelace&lang=en%20%26%20fr
for (const bad of ["%", "%4", "%G0", "%C3", "%C3%28", "%E0%80%80", "%ED%A0%80", "%F4%90%80%80", "%FF"]) {
// expect: % URIError URI malformed true true
// expect: %4 URIError URI malformed true true
// expect: %G0 URIError URI malformed true true
// expect: %C3 URIError URI malformed true true
// expect: %C3%28 URIError URI malformed true true
// expect: %E0%80%80 URIError URI malformed true true
// expect: %ED%A0%80 URIError URI malformed true true
// expect: %F4%90%80%80 URIError URI malformed true true
// expect: %FF URIError URI malformed true true
  try {
    decodeURIComponent(bad);
    console.log("decoded", bad);
  } catch (e) {
    console.log(bad, e.name, e.message, e instanceof URIError, e instanceof Error);
  }
}
try { // expect: URIError: URI malformed
  encodeURIComponent("\ud800");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
