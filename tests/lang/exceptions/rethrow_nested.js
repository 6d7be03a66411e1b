// Nested try blocks, rethrowing, and errors thrown from catch and finally.
function level3() {
  throw new RangeError("deep");
}
function level2() {
  try {
    level3();
  } catch (e) {
    throw new Error(`wrapped(${e.message})`);
  }
}
function level1() {
  try {
    level2();
  } finally {
    console.log("level1 cleanup"); // expect: level1 cleanup
  }
}
try {
  level1();
} catch (e) {
  console.log(e.message); // expect: wrapped(deep)
}

try {
  try {
    throw new Error("inner");
  } finally {
    console.log("inner finally"); // expect: inner finally
  }
} catch (e) {
  console.log("outer caught", e.message); // expect: outer caught inner
}

try {
  try {
    throw new Error("first");
  } finally {
    throw new Error("second");
  }
} catch (e) {
  console.log(e.message); // expect: second
}
