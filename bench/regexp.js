// regexp.js: a regular-expression tokenizer and text tools over a big input.
//
// The shape real text programs use: a lexer driven by one sticky regular expression with
// an alternation of named groups (lastIndex walks the input), line-oriented parsing with
// `split(/\r?\n/)` and a validating `test`, `replace` with a function and with `$<name>`
// templates, and `match`/`matchAll` statistics. The input is generated from a seeded
// Park–Miller PRNG (a few non-ASCII words included, so UTF-16 indexing is exercised).

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

const IDENTS = ["total", "price", "qty", "café", "naïve", "x", "y1", "_tmp", "Grüße", "rate"];
const OPS = ["+", "-", "*", "/", "==", "!=", "<=", ">=", "&&", "||", "=", "(", ")", ";"];

function makeSource(rng, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const parts = [];
    const n = 3 + rng.int(9);
    for (let j = 0; j < n; j++) {
      const k = rng.int(10);
      if (k < 4) parts.push(rng.pick(IDENTS));
      else if (k < 6) parts.push(String(rng.int(100000)) + (rng.int(3) === 0 ? "." + rng.int(100) : ""));
      else if (k < 9) parts.push(rng.pick(OPS));
      else parts.push('"s' + rng.int(1000) + ' \\"q\\""');
    }
    if (rng.int(5) === 0) parts.push("// note " + rng.int(1000));
    out.push(parts.join(rng.int(4) === 0 ? "  " : " "));
  }
  return out.join(rng.int(2) === 0 ? "\n" : "\r\n");
}

class Lexer {
  constructor() {
    this.re = /(?<ws>[ \t\r\n]+)|(?<comment>\/\/[^\n]*)|(?<num>\d+(?:\.\d+)?)|(?<id>[\p{L}_][\p{L}\d_]*)|(?<str>"(?:[^"\\]|\\.)*")|(?<op>==|!=|<=|>=|&&|\|\||[-+*\/=();<>])/uy;
  }
  tokenize(src) {
    const counts = { num: 0, id: 0, str: 0, op: 0, comment: 0 };
    let sum = 0;
    this.re.lastIndex = 0;
    let m;
    while (this.re.lastIndex < src.length && (m = this.re.exec(src)) !== null) {
      const g = m.groups;
      if (g.ws !== undefined) continue;
      if (g.num !== undefined) {
        counts.num++;
        sum = (sum + Math.floor(parseFloat(g.num))) % 1000000007;
      } else if (g.id !== undefined) {
        counts.id++;
        sum = (sum + g.id.length * 31) % 1000000007;
      } else if (g.str !== undefined) counts.str++;
      else if (g.op !== undefined) counts.op++;
      else counts.comment++;
    }
    return { counts, sum, end: this.re.lastIndex };
  }
}

function lineTools(src) {
  const lines = src.split(/\r?\n/);
  const assignment = /^\s*[\p{L}_][\p{L}\d_]*\s*=/u;
  let assignments = 0;
  for (const line of lines) if (assignment.test(line)) assignments++;
  const renamed = src.replace(/\b(total|price)\b/g, (w) => w.toUpperCase());
  const swapped = src.replace(/(?<a>\d+)\.(?<b>\d+)/g, "$<b>,$<a>");
  const numbers = src.match(/\d+/g).length;
  let strings = 0;
  for (const m of src.matchAll(/"(?:[^"\\]|\\.)*"/g)) strings += m[0].length;
  const words = src.split(/[^\p{L}]+/u).filter((w) => w.length > 3).length;
  return [lines.length, assignments, renamed.length, swapped.length, numbers, strings, words];
}

const rng = new Rng(2024);
const src = makeSource(rng, 12000);
const lexer = new Lexer();
let check = 0;
for (let round = 0; round < 3; round++) {
  const r = lexer.tokenize(src);
  check = (check * 7 + r.sum + r.counts.num + r.counts.id * 3 + r.counts.op * 5 + r.end) % 1000000007;
}
const tools = lineTools(src);
console.log(src.length, tools.join(" "));
console.log(check);
