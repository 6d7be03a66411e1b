// calls.js: method dispatch benchmark for Molt.
//
// Two programs built on deep class hierarchies:
//   1. an expression-tree interpreter: random integer expressions are generated
//      through static factories, simplified, evaluated under many environments,
//      and walked by visitors (double dispatch), all through overridden methods
//      and super calls;
//   2. a shape rasteriser: a scene of shapes of several classes is rendered onto
//      a character grid by calling a virtual `contains` per pixel.

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
}

const M = 1000003;

// ------------------------------------------------------------ expressions

class Expr {
  static created = 0;
  constructor() { Expr.created++; }
  evaluate(env) { throw new Error(`${this.constructor.name}.evaluate is abstract`); }
  size() { return 1; }
  depth() { return 1; }
  simplify() { return this; }
  isConst() { return false; }
  accept(v) { return v.visitExpr(this); }
  static num(v) { return new Num(v); }
  static variable(i) { return new Var(i); }
  static binary(op, a, b) {
    switch (op) {
      case 0: return new Add(a, b);
      case 1: return new Sub(a, b);
      case 2: return new Mul(a, b);
      case 3: return new Div(a, b);
      case 4: return new Min(a, b);
      default: return new Max(a, b);
    }
  }
  static random(rng, depth, nvars) {
    if (depth === 0 || rng.int(10) < 2) {
      return rng.int(3) === 0 ? Expr.num(rng.int(20)) : Expr.variable(rng.int(nvars));
    }
    const pick = rng.int(16);
    if (pick < 11) return Expr.binary(pick % 6, Expr.random(rng, depth - 1, nvars), Expr.random(rng, depth - 1, nvars));
    if (pick < 13) return new Neg(Expr.random(rng, depth - 1, nvars));
    if (pick < 14) return new Abs(Expr.random(rng, depth - 1, nvars));
    return new Cond(Expr.random(rng, depth - 1, nvars), Expr.random(rng, depth - 1, nvars),
      Expr.random(rng, depth - 1, nvars));
  }
}

class Num extends Expr {
  constructor(value) {
    super();
    this.value = value;
  }
  evaluate(env) { return this.value; }
  isConst() { return true; }
  accept(v) { return v.visitNum(this); }
}

class Var extends Expr {
  constructor(index) {
    super();
    this.index = index;
  }
  evaluate(env) { return env.lookup(this.index); }
  accept(v) { return v.visitVar(this); }
}

class Unary extends Expr {
  constructor(arg) {
    super();
    this.arg = arg;
  }
  evaluate(env) { return this.op(this.arg.evaluate(env)); }
  op(x) { return x; }
  size() { return 1 + this.arg.size(); }
  depth() { return 1 + this.arg.depth(); }
  rebuild(arg) { return new this.constructor(arg); }
  simplify() {
    const a = this.arg.simplify();
    if (a.isConst()) return Expr.num(this.op(a.value));
    return a === this.arg ? this : this.rebuild(a);
  }
  accept(v) { return v.visitUnary(this); }
}

class Neg extends Unary {
  op(x) { return -x; }
  simplify() {
    if (this.arg instanceof Neg) return this.arg.arg.simplify();
    return super.simplify();
  }
}

class Abs extends Unary {
  op(x) { return x < 0 ? -x : x; }
}

class Binary extends Expr {
  constructor(left, right) {
    super();
    this.left = left;
    this.right = right;
  }
  evaluate(env) { return this.op(this.left.evaluate(env), this.right.evaluate(env)); }
  op(a, b) { throw new Error("abstract"); }
  size() { return 1 + this.left.size() + this.right.size(); }
  depth() {
    const l = this.left.depth(), r = this.right.depth();
    return 1 + (l > r ? l : r);
  }
  rebuild(l, r) { return new this.constructor(l, r); }
  simplify() {
    const l = this.left.simplify(), r = this.right.simplify();
    if (l.isConst() && r.isConst()) return Expr.num(this.op(l.value, r.value));
    return l === this.left && r === this.right ? this : this.rebuild(l, r);
  }
  accept(v) { return v.visitBinary(this); }
}

class Add extends Binary {
  op(a, b) { return (a + b) % M; }
  simplify() {
    const s = super.simplify();
    if (s instanceof Add && s.left.isConst() && s.left.value === 0) return s.right;
    return s;
  }
}
class Sub extends Binary {
  op(a, b) { return (a - b) % M; }
}
class Mul extends Binary {
  op(a, b) { return (a * b) % M; }
  simplify() {
    const s = super.simplify();
    if (s instanceof Mul && s.left.isConst() && s.left.value === 1) return s.right;
    return s;
  }
}
class Div extends Binary {
  op(a, b) { return b === 0 ? 0 : Math.trunc(a / b); }
}
class Min extends Binary {
  op(a, b) { return a < b ? a : b; }
}
class Max extends Min {
  op(a, b) { return -super.op(-a, -b); }
}

class Cond extends Expr {
  constructor(test, then, otherwise) {
    super();
    this.test = test;
    this.then = then;
    this.otherwise = otherwise;
  }
  evaluate(env) { return this.test.evaluate(env) > 0 ? this.then.evaluate(env) : this.otherwise.evaluate(env); }
  size() { return 1 + this.test.size() + this.then.size() + this.otherwise.size(); }
  depth() { return 1 + Math.max(this.test.depth(), this.then.depth(), this.otherwise.depth()); }
  simplify() {
    const t = this.test.simplify();
    if (t.isConst()) return t.value > 0 ? this.then.simplify() : this.otherwise.simplify();
    return new Cond(t, this.then.simplify(), this.otherwise.simplify());
  }
  accept(v) { return v.visitCond(this); }
}

class Env {
  constructor(values) { this.values = values; }
  lookup(i) { return this.values[i]; }
}

class OverlayEnv extends Env {
  constructor(parent, index, value) {
    super(null);
    this.parent = parent;
    this.index = index;
    this.value = value;
  }
  lookup(i) { return i === this.index ? this.value : this.parent.lookup(i); }
}

// Visitors: each node calls back the visitor method for its own kind.
class Visitor {
  visitExpr(e) { return 0; }
  visitNum(e) { return this.visitExpr(e); }
  visitVar(e) { return this.visitExpr(e); }
  visitUnary(e) { return this.visitExpr(e) + e.arg.accept(this); }
  visitBinary(e) { return this.visitExpr(e) + e.left.accept(this) + e.right.accept(this); }
  visitCond(e) { return this.visitExpr(e) + e.test.accept(this) + e.then.accept(this) + e.otherwise.accept(this); }
}

class NodeCounter extends Visitor {
  visitExpr(e) { return 1; }
}

class VarUse extends Visitor {
  constructor(index) {
    super();
    this.index = index;
  }
  visitVar(e) { return e.index === this.index ? 1 : 0; }
}

class Weigher extends NodeCounter {
  visitNum(e) { return super.visitNum(e) + (e.value & 3); }
  visitBinary(e) { return 2 * super.visitBinary(e); }
}

function runExpressions(rng) {
  const exprs = [];
  for (let i = 0; i < 40; i++) exprs.push(Expr.random(rng, 9, 4));
  let sum = 0, sizes = 0, depths = 0, visits = 0;
  const counter = new NodeCounter(), weigher = new Weigher(), uses = new VarUse(2);
  for (let round = 0; round < 48; round++) {
    for (const e of exprs) {
      const s = e.simplify();
      sizes += s.size();
      depths += s.depth();
      visits += s.accept(counter) + s.accept(weigher) % 1000 + s.accept(uses);
      const env = new Env([round, rng.int(50) - 25, rng.int(7), rng.int(1000)]);
      for (let k = 0; k < 10; k++) {
        sum = (sum + s.evaluate(new OverlayEnv(env, k & 3, k * 3 - 7))) % M;
      }
    }
  }
  return `sum=${sum} size=${sizes} depth=${depths} visits=${visits}`;
}

// ----------------------------------------------------------------- shapes

class Shape {
  static registry = [];
  constructor(x, y) {
    this.x = x;
    this.y = y;
    Shape.registry.push(this);
  }
  contains(px, py) { return false; }
  area() { return 0; }
  name() { return "shape"; }
  glyph() { return 35; }
  describe() { return `${this.name()}@${this.x},${this.y}`; }
  static make(kind, x, y, a, b) {
    if (kind === 0) return new Circle(x, y, a);
    if (kind === 1) return new Rect(x, y, a, b);
    if (kind === 2) return new Square(x, y, a);
    if (kind === 3) return new Ring(x, y, a, b);
    return new Triangle(x, y, a);
  }
}

class Circle extends Shape {
  constructor(x, y, r) {
    super(x, y);
    this.r = r;
  }
  contains(px, py) {
    const dx = px - this.x, dy = py - this.y;
    return dx * dx + dy * dy <= this.r * this.r;
  }
  area() { return 3 * this.r * this.r; }
  name() { return "circle"; }
  glyph() { return 111; }
}

class Ring extends Circle {
  constructor(x, y, r, inner) {
    super(x, y, r);
    this.inner = inner < r ? inner : r - 1;
  }
  contains(px, py) {
    if (!super.contains(px, py)) return false;
    const dx = px - this.x, dy = py - this.y;
    return dx * dx + dy * dy > this.inner * this.inner;
  }
  area() { return super.area() - 3 * this.inner * this.inner; }
  name() { return `ring/${super.name()}`; }
  glyph() { return 64; }
}

class Rect extends Shape {
  constructor(x, y, w, h) {
    super(x, y);
    this.w = w;
    this.h = h;
  }
  contains(px, py) { return px >= this.x && py >= this.y && px < this.x + this.w && py < this.y + this.h; }
  area() { return this.w * this.h; }
  name() { return "rect"; }
  glyph() { return 61; }
}

class Square extends Rect {
  constructor(x, y, s) { super(x, y, s, s); }
  name() { return "square"; }
  glyph() { return super.glyph() + 1; }
}

class Triangle extends Shape {
  constructor(x, y, s) {
    super(x, y);
    this.s = s;
  }
  contains(px, py) {
    const dx = px - this.x, dy = py - this.y;
    return dy >= 0 && dy < this.s && dx >= -dy && dx <= dy;
  }
  area() { return this.s * this.s; }
  name() { return "triangle"; }
  glyph() { return 94; }
}

class Canvas {
  constructor(w, h) {
    this.w = w;
    this.h = h;
    this.cells = new Array(w * h).fill(46);
  }
  render(shapes) {
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        let g = 46;
        for (let i = shapes.length - 1; i >= 0; i--) {
          if (shapes[i].contains(x, y)) {
            g = shapes[i].glyph();
            break;
          }
        }
        this.cells[y * this.w + x] = g;
      }
    }
  }
  hash() {
    let h = 7;
    for (let i = 0; i < this.cells.length; i++) h = (h * 31 + this.cells[i]) % 1000000007;
    return h;
  }
}

function runShapes(rng) {
  const canvas = new Canvas(64, 40);
  let total = 0, areas = 0, names = 0;
  for (let frame = 0; frame < 64; frame++) {
    const shapes = [];
    for (let i = 0; i < 12; i++) {
      shapes.push(Shape.make(rng.int(5), rng.int(64), rng.int(40), 2 + rng.int(12), 2 + rng.int(10)));
    }
    canvas.render(shapes);
    total = (total + canvas.hash()) % 1000000007;
    for (const s of shapes) {
      areas += s.area();
      names += s.describe().length;
    }
  }
  return `canvas=${total} area=${areas} names=${names} shapes=${Shape.registry.length}`;
}

const rng = new Rng(424242);
const a = runExpressions(rng);
const b = runShapes(rng);
console.log(`calls checksum: ${a} | ${b} | exprs=${Expr.created}`);
