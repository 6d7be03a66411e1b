// An async generator method has yielded once and was asked again; it now waits at an
// `await` on a promise nobody settles (kept by `gate`). v2 changes the method, so the
// update finds no safe point and rolls back, and the report says where the frame waits:
// at an await, not at a yield.
class Feed {
  async *entries() {
    yield "v2 first";
    await new Promise((resolve) => { gate = resolve; });
    yield "v2 second";
  }
}

let gate;
const feed = new Feed();
const reader = feed.entries();
let seen = [];
reader.next().then((step) => {
  seen.push(step.value);
  console.log(step.value);
  reader.next();
});
