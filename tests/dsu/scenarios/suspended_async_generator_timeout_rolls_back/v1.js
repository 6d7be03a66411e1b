// An async generator method is suspended at a yield and nothing asks it for more (the
// generator is kept, so its frame is not garbage); v2 changes the method. The suspended
// frame is an active frame of Feed.entries, so the update finds no safe point, times out
// and rolls back naming it; the program is left as it was, and the generator goes on with
// its v1 code.
class Feed {
  async *entries() {
    yield "v1 first";
    yield "v1 second";
  }
}

const feed = new Feed();
const reader = feed.entries();
let seen = [];
reader.next().then((step) => {
  seen.push(step.value);
  console.log(step.value);
});
