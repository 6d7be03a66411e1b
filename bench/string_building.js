// string_building.js: building long strings piece by piece.
//
// The shape real programs use to produce text: a report appended to with `s += piece`
// and template literals `${s}...`, a log that grows line by line, an escaper that
// rebuilds its input one character at a time (non-ASCII included). Each builder's
// result is read once at the end (length, a sampled hash), so the benchmark measures
// the appends, not the reads.

class Rng {
  constructor(seed) {
    this.state = seed % 2147483647;
    if (this.state <= 0) this.state += 2147483646;
  }
  next() {
    this.state = (this.state * 48271) % 2147483647;
    return this.state;
  }
  int(n) { return this.next() % n; }
  pick(arr) { return arr[this.int(arr.length)]; }
}

function sampleHash(s) {
  let h = 5381;
  const step = Math.max(1, Math.floor(s.length / 4096));
  for (let i = 0; i < s.length; i += step) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return (h + s.length) % 1000000007;
}

const WORDS = ["ledger", "entry", "total", "café", "naïve", "Grüße", "€", "tax", "x", "🙂"];

class ReportBuilder {
  constructor(rng) {
    this.rng = rng;
    this.text = "";
  }
  line(i) {
    this.text += "row ";
    this.text += i;
    this.text += ": ";
    this.text += this.rng.pick(WORDS);
    this.text = `${this.text} = ${this.rng.int(1000)}\n`;
  }
}

function escapeAll(s) {
  let out = "";
  for (const c of s) out += c === "\n" ? "\\n" : c;
  return out;
}

function run() {
  const rng = new Rng(4242);
  let h = 0, chars = 0;
  for (let round = 0; round < 2; round++) {
    const report = new ReportBuilder(rng);
    for (let i = 0; i < 25000; i++) report.line(i);
    let log = "";
    for (let i = 0; i < 25000; i++) log = log + rng.pick(WORDS) + ";";
    const escaped = escapeAll(report.text.slice(0, 60000));
    h = (h * 31 + sampleHash(report.text) + sampleHash(log) + sampleHash(escaped)) % 1000000007;
    chars += report.text.length + log.length + escaped.length;
  }
  return `${h} chars=${chars}`;
}

console.log(`string_building checksum: ${run()}`);
