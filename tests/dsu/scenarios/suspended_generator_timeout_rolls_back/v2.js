// A reader keeps a generator suspended inside Feed.entries and never resumes it. v2 changes
// entries(): the suspended frame blocks the swap like a frame on a thread's stack, so the
// update times out and rolls back, naming the generator.
class Feed {
  *entries() {
    yield "v2 first";
    yield "v2 second";
  }
}

const feed = new Feed();
const reader = feed.entries();
console.log(reader.next().value);
