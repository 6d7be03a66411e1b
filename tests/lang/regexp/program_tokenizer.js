// A calculator: a sticky-regexp lexer with named groups feeding a recursive-descent
// parser, the way small interpreters are written.
class Lexer {
  static TOKEN = /\s*(?:(?<num>\d+(?:\.\d+)?)|(?<name>[A-Za-z_]\w*)|(?<op>\*\*|[-+*\/%()=,]))/y;
  constructor(text) {
    this.text = text;
    this.tokens = [];
    const re = Lexer.TOKEN;
    re.lastIndex = 0;
    while (re.lastIndex < text.length) {
      const at = re.lastIndex;
      const m = re.exec(text);
      if (!m) {
        if (/^\s*$/.test(text.slice(at))) break;
        throw new SyntaxError(`unexpected ${JSON.stringify(text[at])} at ${at}`);
      }
      const { num, name, op } = m.groups;
      if (num !== undefined) this.tokens.push({ kind: "num", value: Number(num) });
      else if (name !== undefined) this.tokens.push({ kind: "name", value: name });
      else this.tokens.push({ kind: "op", value: op });
    }
  }
}

class Parser {
  constructor(tokens, env) {
    this.tokens = tokens;
    this.pos = 0;
    this.env = env;
  }
  peek() { return this.tokens[this.pos]; }
  eat(value) {
    const t = this.tokens[this.pos];
    if (!t || t.value !== value) throw new SyntaxError(`expected ${value}`);
    this.pos++;
  }
  statement() {
    const t = this.tokens[this.pos], next = this.tokens[this.pos + 1];
    if (t && t.kind === "name" && next && next.value === "=") {
      this.pos += 2;
      const v = this.expr();
      this.env.set(t.value, v);
      return v;
    }
    return this.expr();
  }
  expr() {
    let v = this.term();
    while (this.peek() && (this.peek().value === "+" || this.peek().value === "-"))
      v = this.tokens[this.pos++].value === "+" ? v + this.term() : v - this.term();
    return v;
  }
  term() {
    let v = this.power();
    while (this.peek() && /^[*\/%]$/.test(this.peek().value)) {
      const op = this.tokens[this.pos++].value;
      const r = this.power();
      v = op === "*" ? v * r : op === "/" ? v / r : v % r;
    }
    return v;
  }
  power() {
    const base = this.unary();
    if (this.peek() && this.peek().value === "**") {
      this.pos++;
      return base ** this.power();
    }
    return base;
  }
  unary() {
    if (this.peek() && this.peek().value === "-") {
      this.pos++;
      return -this.unary();
    }
    return this.atom();
  }
  atom() {
    const t = this.tokens[this.pos++];
    if (!t) throw new SyntaxError("unexpected end");
    if (t.kind === "num") return t.value;
    if (t.kind === "name") {
      if (this.peek() && this.peek().value === "(") {
        this.pos++;
        const args = [this.expr()];
        while (this.peek() && this.peek().value === ",") {
          this.pos++;
          args.push(this.expr());
        }
        this.eat(")");
        return Math[t.value](...args);
      }
      if (!this.env.has(t.value)) throw new ReferenceError(`${t.value} is not defined`);
      return this.env.get(t.value);
    }
    if (t.value === "(") {
      const v = this.expr();
      this.eat(")");
      return v;
    }
    throw new SyntaxError(`unexpected ${t.value}`);
  }
}

const env = new Map();
const program = ["x = 2 + 3 * 4", "y = (x - 4) ** 2 / 5", "max(x, y, 7) % 5", "  rate=0.25 ", "x * rate",
  "2 ** 3 ** 2", "-x + -(-3)", "z + 1", "3 $ 4", "(1 + 2"];
for (const line of program) {
  try {
    const lexer = new Lexer(line);
    console.log(line.trim().padEnd(22), "=>", new Parser(lexer.tokens, env).statement()); // expect: x = 2 + 3 * 4          => 14
    // expect: y = (x - 4) ** 2 / 5   => 20
    // expect: max(x, y, 7) % 5       => 0
    // expect: rate=0.25              => 0.25
    // expect: x * rate               => 3.5
    // expect: 2 ** 3 ** 2            => 512
    // expect: -x + -(-3)             => -11
  } catch (e) {
    console.log(line.trim().padEnd(22), "!!", e.name, e.message); // expect: z + 1                  !! ReferenceError z is not defined
    // expect: 3 $ 4                  !! SyntaxError unexpected " " at 1
    // expect: (1 + 2                 !! SyntaxError expected )
  }
}
console.log([...env.entries()].map(([k, v]) => `${k}=${v}`).join(", ")); // expect: x=14, y=20, rate=0.25
