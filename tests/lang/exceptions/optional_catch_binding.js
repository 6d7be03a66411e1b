// catch without a binding, and destructuring in catch.
function parseOr(text, fallback) {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
console.log(parseOr("[1,2]", []), parseOr("{bad", "fallback")); // expect: [ 1, 2 ] fallback

try {
  throw { code: 500, detail: { msg: "server" } };
} catch ({ code, detail: { msg } }) {
  console.log(code, msg); // expect: 500 server
}

try {
  throw new TypeError("destructured");
} catch ({ name, message }) {
  console.log(name, message); // expect: TypeError destructured
}

try {
  throw ["a", "b", "c"];
} catch ([first, ...rest]) {
  console.log(first, rest); // expect: a [ 'b', 'c' ]
}
