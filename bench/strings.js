// strings.js: string benchmark for Molt.
//
// A little text-processing pipeline: generate a synthetic document, tokenize it
// with a hand-written scanner (charCodeAt), count word frequencies in a Map
// keyed by strings, format a report with template literals and padding, round
// trip records through JSON.stringify/JSON.parse and a CSV encoder/decoder, and
// run a few classic string transforms (run-length coding, Caesar cipher,
// case folding, search and replace).

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

function hashString(s) {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return h;
}

// ---------------------------------------------------------- text generator

class TextGenerator {
  constructor(rng) {
    this.rng = rng;
    const syllables = ["ka", "lo", "mi", "ne", "ru", "sta", "vo", "tri", "el", "an", "qu", "ze", "po", "dra", "is"];
    this.vocab = [];
    for (let i = 0; i < 400; i++) {
      let w = "";
      const n = 1 + rng.int(3) + (i % 4 === 0 ? 1 : 0);
      for (let k = 0; k < n; k++) w += rng.pick(syllables);
      this.vocab.push(w);
    }
  }
  word() {
    // Zipf-like skew: small indices are much more frequent.
    const r = this.rng.int(400);
    return this.vocab[Math.floor((r * r) / 400)];
  }
  sentence() {
    const n = 4 + this.rng.int(10);
    const parts = [];
    for (let i = 0; i < n; i++) {
      let w = this.word();
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      const roll = this.rng.int(20);
      if (roll === 0) w = String(this.rng.int(10000));
      else if (roll === 1) w = `"${w}"`;
      else if (roll === 2 && i < n - 1) w += ",";
      parts.push(w);
    }
    return parts.join(" ") + this.rng.pick([".", ".", ".", "!", "?"]);
  }
  paragraph() {
    const n = 3 + this.rng.int(5);
    let p = "";
    for (let i = 0; i < n; i++) p += (i > 0 ? " " : "") + this.sentence();
    return p;
  }
}

// -------------------------------------------------------------- tokenizer

class Token {
  constructor(kind, text, line, col) {
    this.kind = kind;
    this.text = text;
    this.line = line;
    this.col = col;
  }
  toString() { return `${this.kind}:${this.text}@${this.line}:${this.col}`; }
}

class Tokenizer {
  constructor(src) {
    this.src = src;
    this.pos = 0;
    this.line = 1;
    this.lineStart = 0;
  }
  static isAlpha(c) { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90); }
  static isDigit(c) { return c >= 48 && c <= 57; }
  next() {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 10) {
        this.line++;
        this.pos++;
        this.lineStart = this.pos;
      } else if (c === 32) {
        this.pos++;
      } else {
        break;
      }
    }
    if (this.pos >= s.length) return null;
    const start = this.pos, col = start - this.lineStart + 1;
    const c = s.charCodeAt(start);
    let kind;
    if (Tokenizer.isAlpha(c)) {
      while (this.pos < s.length && Tokenizer.isAlpha(s.charCodeAt(this.pos))) this.pos++;
      kind = "word";
    } else if (Tokenizer.isDigit(c)) {
      while (this.pos < s.length && Tokenizer.isDigit(s.charCodeAt(this.pos))) this.pos++;
      kind = "num";
    } else if (c === 34) {
      const end = s.indexOf('"', start + 1);
      this.pos = end < 0 ? s.length : end + 1;
      kind = "str";
    } else {
      this.pos++;
      kind = "punct";
    }
    return new Token(kind, s.slice(start, this.pos), this.line, col);
  }
  all() {
    const out = [];
    for (let t = this.next(); t !== null; t = this.next()) out.push(t);
    return out;
  }
}

// ----------------------------------------------------------- word counter

class WordCounter {
  constructor() {
    this.counts = new Map();
    this.firstSeen = new Map();
    this.total = 0;
  }
  add(word, where) {
    const key = word.toLowerCase();
    const n = this.counts.get(key);
    if (n === undefined) {
      this.counts.set(key, 1);
      this.firstSeen.set(key, where);
    } else {
      this.counts.set(key, n + 1);
    }
    this.total++;
  }
  top(k) {
    const entries = [...this.counts.entries()];
    entries.sort((a, b) => (b[1] !== a[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return entries.slice(0, k);
  }
  report(k) {
    const lines = [`${"word".padEnd(14)}${"count".padStart(7)}  share  first`];
    for (const [word, count] of this.top(k)) {
      const share = ((count * 1000 / this.total) | 0) / 10;
      lines.push(`${word.padEnd(14)}${String(count).padStart(7)}  ${String(share).padStart(5)}  ${this.firstSeen.get(word)}`);
    }
    return lines.join("\n");
  }
}

// ---------------------------------------------------------------- formats

function toCsv(rows) {
  const header = Object.keys(rows[0]).join(",");
  return header + "\n" + rows.map((r) => Object.values(r).join(",")).join("\n");
}

function fromCsv(text) {
  const lines = text.split("\n");
  const keys = lines[0].split(",");
  const out = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(",");
    const rec = {};
    keys.forEach((k, j) => { rec[k] = k === "word" ? cells[j] : Number(cells[j]); });
    out.push(rec);
  }
  return out;
}

function runLength(s) {
  let out = "";
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    out += j - i > 1 ? `${j - i}${s[i]}` : s[i];
    i = j;
  }
  return out;
}

function caesar(s, shift) {
  const codes = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) codes.push(String.fromCharCode(97 + (c - 97 + shift) % 26));
    else if (c >= 65 && c <= 90) codes.push(String.fromCharCode(65 + (c - 65 + shift) % 26));
    else codes.push(s[i]);
  }
  return codes.join("");
}

function transforms(text) {
  let h = 0;
  const sentences = text.split(". ");
  for (const sentence of sentences) {
    const enc = caesar(sentence, 7);
    const dec = caesar(enc, 19);
    if (dec !== sentence) h += 1000000;
    const rle = runLength(sentence.toLowerCase().replaceAll(" ", ""));
    h = (h + hashString(rle) % 65521 + enc.length) % 1000000007;
    const upper = sentence.toUpperCase();
    const idx = upper.indexOf("KA");
    const last = upper.lastIndexOf("E");
    h = (h + idx + last + (sentence.includes("vo") ? 3 : 0) + (sentence.startsWith("K") ? 5 : 0) +
      (sentence.endsWith("!") ? 7 : 0)) % 1000000007;
    const words = sentence.trim().split(" ");
    const mid = words.slice(1, -1).reverse().join("_");
    h = (h + mid.length + sentence.substring(2, 9).length + sentence.replace("a", "@").charCodeAt(0)) % 1000000007;
  }
  return h;
}

// -------------------------------------------------------------------- run

function processDocument(rng, docNo) {
  const gen = new TextGenerator(rng);
  const paras = [];
  for (let i = 0; i < 40; i++) paras.push(gen.paragraph());
  const text = paras.join("\n");

  const tokens = new Tokenizer(text).all();
  const counter = new WordCounter();
  const kinds = new Map();
  for (const t of tokens) {
    kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
    if (t.kind === "word") counter.add(t.text, `${t.line}:${t.col}`);
    else if (t.kind === "str") counter.add(t.text.slice(1, -1), `${t.line}:${t.col}`);
  }
  const report = counter.report(25);

  const entries = counter.top(60).map(([word, count]) => ({ word, count, hash: hashString(word) % 1000 }));
  const doc = {
    title: `Document #${docNo}`,
    paragraphs: paras.length,
    kinds: Object.fromEntries([...kinds.entries()]),
    entries,
    sample: tokens.slice(0, 20).map((t) => t.toString()),
    nested: { ok: true, nothing: null, ratio: 0.5, list: [1, [2, [3, "four"]]] },
  };
  const json = JSON.stringify(doc);
  const back = JSON.parse(json);
  const again = JSON.stringify(back);
  const pretty = JSON.stringify(back, null, 2);
  const csv = toCsv(entries);
  const rows = fromCsv(csv);
  const csvOk = toCsv(rows) === csv;

  let h = hashString(report);
  h = (h + hashString(json) + pretty.length + (json === again ? 1 : 0) + (csvOk ? 2 : 0)) % 1000000007;
  h = (h + transforms(text)) % 1000000007;
  return { h, tokens: tokens.length, distinct: counter.counts.size, chars: text.length };
}

function run() {
  const rng = new Rng(31337);
  let h = 0, tokens = 0, distinct = 0, chars = 0;
  for (let d = 0; d < 56; d++) {
    const r = processDocument(rng, d);
    h = (h * 7 + r.h) % 1000000007;
    tokens += r.tokens;
    distinct += r.distinct;
    chars += r.chars;
  }
  return `${h} tokens=${tokens} distinct=${distinct} chars=${chars}`;
}

console.log(`strings checksum: ${run()}`);
