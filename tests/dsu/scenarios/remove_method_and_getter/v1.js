// An LRU-ish cache with a debugging method and a deprecated getter.
class Cache {
  constructor(limit) {
    this.limit = limit;
    this.entries = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  get(key) {
    if (this.entries.has(key)) {
      this.hits++;
      return this.entries.get(key);
    }
    this.misses++;
    return undefined;
  }

  put(key, value) {
    if (this.entries.size >= this.limit) {
      const oldest = [...this.entries.keys()][0];
      this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }

  get legacyCount() {
    return this.entries.size;
  }

  debugDump() {
    return [...this.entries.keys()].join(",");
  }
}

const cache = new Cache(2);
cache.put("a", 1);
cache.put("b", 2);
cache.put("c", 3);
cache.get("a");
cache.get("c");
console.log(cache.debugDump(), cache.legacyCount, cache.hits, cache.misses);
