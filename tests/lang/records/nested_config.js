// A deep merge of nested configuration records.
function isRecord(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function deepMerge(base, override) {
  const out = { ...base };
  for (const [k, v] of Object.entries(override)) {
    out[k] = isRecord(v) && isRecord(base[k]) ? deepMerge(base[k], v) : v;
  }
  return out;
}
function get(obj, path, fallback) {
  let cur = obj;
  for (const part of path.split(".")) {
    if (!isRecord(cur) || !(part in cur)) return fallback;
    cur = cur[part];
  }
  return cur;
}

const defaults = { db: { host: "localhost", port: 5432, pool: { min: 1, max: 5 } }, debug: false, tags: ["a"] };
const local = { db: { port: 6543, pool: { max: 20 } }, tags: ["b", "c"] };
const cfg = deepMerge(defaults, local);
console.log(cfg.db); // expect: { host: 'localhost', port: 6543, pool: { min: 1, max: 20 } }
console.log(cfg.tags, cfg.debug); // expect: [ 'b', 'c' ] false
console.log(get(cfg, "db.pool.max"), get(cfg, "db.user", "root"), get(cfg, "debug.x", "n/a")); // expect: 20 root n/a
console.log(defaults.db.pool.max); // expect: 5
