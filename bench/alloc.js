// alloc.js: object allocation benchmark for Molt.
//
// A small 2-D particle system. Every step allocates fresh immutable vectors and
// colours, emitters spawn particles of several classes in a hierarchy, dead
// particles are dropped (and some spawn children), a quad-tree is rebuilt every
// frame for collision counting, and each generation also builds and checks a
// batch of binary trees. Almost every object lives for one frame or less.

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
  float() { return (this.next() - 1) / 2147483646; }
  range(lo, hi) { return lo + (hi - lo) * this.float(); }
}

class Vec2 {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(o) { return new Vec2(this.x + o.x, this.y + o.y); }
  sub(o) { return new Vec2(this.x - o.x, this.y - o.y); }
  scale(k) { return new Vec2(this.x * k, this.y * k); }
  dot(o) { return this.x * o.x + this.y * o.y; }
  lengthSq() { return this.x * this.x + this.y * this.y; }
  static zero() { return new Vec2(0, 0); }
}

class Color {
  constructor(r, g, b, a) {
    this.r = r;
    this.g = g;
    this.b = b;
    this.a = a;
  }
  fade(k) { return new Color(this.r, this.g, this.b, Math.floor(this.a * k)); }
  mix(o, t) {
    const u = 1 - t;
    return new Color(
      Math.floor(this.r * u + o.r * t),
      Math.floor(this.g * u + o.g * t),
      Math.floor(this.b * u + o.b * t),
      Math.floor(this.a * u + o.a * t));
  }
  packed() { return ((this.r * 256 + this.g) * 256 + this.b) % 1000003 + this.a; }
}

const WHITE = new Color(255, 255, 255, 255);
const ORANGE = new Color(255, 140, 20, 255);
const GREY = new Color(90, 90, 90, 180);
const BROWN = new Color(120, 70, 30, 255);

class Particle {
  constructor(pos, vel, life) {
    this.pos = pos;
    this.vel = vel;
    this.life = life;
    this.age = 0;
  }
  get alive() { return this.age < this.life; }
  get kind() { return 0; }
  mass() { return 1; }
  force(world) { return world.gravity; }
  step(world, dt) {
    const acc = this.force(world).scale(1 / this.mass());
    this.vel = this.vel.add(acc.scale(dt));
    this.pos = this.pos.add(this.vel.scale(dt));
    this.age += 1;
    if (this.pos.y < 0) this.bounce();
  }
  bounce() {
    this.pos = new Vec2(this.pos.x, -this.pos.y);
    this.vel = new Vec2(this.vel.x * 0.9, -this.vel.y * 0.5);
  }
  color() { return WHITE.fade(1 - this.age / this.life); }
  spawnOnDeath(rng, out) {}
}

class Spark extends Particle {
  constructor(pos, vel, life, heat) {
    super(pos, vel, life);
    this.heat = heat;
  }
  get kind() { return 1; }
  force(world) { return world.gravity.scale(0.25); }
  color() { return ORANGE.mix(WHITE, this.heat / 8).fade(1 - this.age / this.life); }
  spawnOnDeath(rng, out) {
    if (this.heat < 3) return;
    for (let i = 0; i < 2; i++) {
      const v = new Vec2(rng.range(-2, 2), rng.range(0, 3));
      out.push(new Spark(this.pos, this.vel.scale(0.3).add(v), 4 + rng.int(6), this.heat - 2));
    }
  }
}

class Ember extends Spark {
  constructor(pos, vel, life) {
    super(pos, vel, life, 2);
    this.glow = 1;
  }
  get kind() { return 2; }
  step(world, dt) {
    super.step(world, dt);
    this.glow *= 0.95;
  }
  color() { return super.color().fade(this.glow); }
}

class Smoke extends Particle {
  constructor(pos, vel, life, radius) {
    super(pos, vel, life);
    this.radius = radius;
  }
  get kind() { return 3; }
  force(world) { return world.wind.sub(this.vel.scale(0.1)); }
  step(world, dt) {
    super.step(world, dt);
    this.radius += 0.05;
  }
  color() { return GREY.fade(1 / (1 + this.radius)); }
}

class Debris extends Particle {
  constructor(pos, vel, life, weight) {
    super(pos, vel, life);
    this.weight = weight;
    this.spin = 1;
    this.bounces = 0;
  }
  get kind() { return 4; }
  mass() { return this.weight; }
  force(world) { return world.gravity.scale(this.weight).add(world.wind.scale(0.05)); }
  bounce() {
    super.bounce();
    this.spin = -this.spin;
    this.bounces += 1;
  }
  color() { return BROWN; }
  spawnOnDeath(rng, out) {
    if (this.weight > 2) {
      out.push(new Debris(this.pos, this.vel.scale(-0.5), 10, this.weight / 2));
      out.push(new Debris(this.pos, this.vel.scale(0.5), 10, this.weight / 2));
    }
  }
}

class World {
  constructor() {
    this.gravity = new Vec2(0, -9.8);
    this.wind = new Vec2(0.5, 0.2);
  }
  gust(rng) { this.wind = new Vec2(rng.range(-1, 1), rng.range(0, 0.4)); }
}

class Emitter {
  constructor(origin, kind, rate) {
    this.origin = origin;
    this.kind = kind;
    this.rate = rate;
    this.emitted = 0;
  }
  make(rng) {
    const vel = new Vec2(rng.range(-3, 3), rng.range(2, 9));
    const pos = this.origin.add(new Vec2(rng.range(-1, 1), 0));
    switch (this.kind) {
      case 0: return new Spark(pos, vel, 10 + rng.int(20), 2 + rng.int(6));
      case 1: return new Ember(pos, vel.scale(0.5), 20 + rng.int(20));
      case 2: return new Smoke(pos, vel.scale(0.2), 30 + rng.int(30), 0.5);
      default: return new Debris(pos, vel, 15 + rng.int(25), 1 + rng.int(4));
    }
  }
  emit(rng, out) {
    for (let i = 0; i < this.rate; i++) out.push(this.make(rng));
    this.emitted += this.rate;
  }
}

class Box {
  constructor(x, y, w, h) {
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
  }
  contains(p) { return p.x >= this.x && p.x < this.x + this.w && p.y >= this.y && p.y < this.y + this.h; }
  intersects(o) {
    return !(o.x > this.x + this.w || o.x + o.w < this.x || o.y > this.y + this.h || o.y + o.h < this.y);
  }
}

class QuadTree {
  constructor(box, depth) {
    this.box = box;
    this.depth = depth;
    this.items = [];
    this.children = null;
  }
  insert(p) {
    if (!this.box.contains(p.pos)) return false;
    if (this.children === null) {
      if (this.items.length < 8 || this.depth >= 6) {
        this.items.push(p);
        return true;
      }
      this.split();
    }
    for (const c of this.children) if (c.insert(p)) return true;
    this.items.push(p);
    return true;
  }
  split() {
    const b = this.box, hw = b.w / 2, hh = b.h / 2, d = this.depth + 1;
    this.children = [
      new QuadTree(new Box(b.x, b.y, hw, hh), d),
      new QuadTree(new Box(b.x + hw, b.y, hw, hh), d),
      new QuadTree(new Box(b.x, b.y + hh, hw, hh), d),
      new QuadTree(new Box(b.x + hw, b.y + hh, hw, hh), d),
    ];
    const old = this.items;
    this.items = [];
    for (const p of old) {
      let placed = false;
      for (const c of this.children) if (c.insert(p)) { placed = true; break; }
      if (!placed) this.items.push(p);
    }
  }
  query(box, out) {
    if (!this.box.intersects(box)) return out;
    for (const p of this.items) if (box.contains(p.pos)) out.push(p);
    if (this.children !== null) for (const c of this.children) c.query(box, out);
    return out;
  }
}

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
  check() { return this.left === null ? 1 : 1 + this.left.check() + this.right.check(); }
  static build(depth) {
    return depth === 0 ? new TreeNode(null, null)
      : new TreeNode(TreeNode.build(depth - 1), TreeNode.build(depth - 1));
  }
}

class LogEntry {
  constructor(frame, kind, x) {
    this.frame = frame;
    this.kind = kind;
    this.x = x;
  }
}

class Cons {
  constructor(head, tail) {
    this.head = head;
    this.tail = tail;
  }
}

class EventLog {
  constructor(limit) {
    this.list = null;
    this.length = 0;
    this.limit = limit;
  }
  record(entry) {
    this.list = new Cons(entry, this.list);
    this.length += 1;
    if (this.length > this.limit) this.trim(this.limit >> 1);
  }
  trim(keep) {
    // Rebuild the newest `keep` entries as a fresh list (oldest dropped).
    const items = [];
    for (let c = this.list; c !== null && items.length < keep; c = c.tail) items.push(c.head);
    let rebuilt = null;
    for (let i = items.length - 1; i >= 0; i--) rebuilt = new Cons(items[i], rebuilt);
    this.list = rebuilt;
    this.length = items.length;
  }
  sumKinds() {
    let s = 0;
    for (let c = this.list; c !== null; c = c.tail) s += c.head.kind * 3 + (c.head.frame & 7);
    return s;
  }
}

class ParticleSystem {
  constructor(seed) {
    this.rng = new Rng(seed);
    this.world = new World();
    this.particles = [];
    this.emitters = [
      new Emitter(new Vec2(20, 0), 0, 6),
      new Emitter(new Vec2(50, 5), 1, 3),
      new Emitter(new Vec2(80, 0), 2, 4),
      new Emitter(new Vec2(110, 10), 3, 3),
    ];
    this.deaths = [0, 0, 0, 0, 0];
    this.colorSum = 0;
    this.collisions = 0;
    this.frame = 0;
    this.log = new EventLog(400);
  }
  tick(dt) {
    const rng = this.rng;
    if (this.frame % 25 === 0) this.world.gust(rng);
    for (const e of this.emitters) e.emit(rng, this.particles);
    const survivors = [];
    const spawned = [];
    for (const p of this.particles) {
      p.step(this.world, dt);
      if (p.alive) {
        survivors.push(p);
      } else {
        this.deaths[p.kind] += 1;
        this.colorSum = (this.colorSum + p.color().packed()) % 1000000007;
        this.log.record(new LogEntry(this.frame, p.kind, Math.floor(p.pos.x)));
        p.spawnOnDeath(rng, spawned);
      }
    }
    for (const s of spawned) survivors.push(s);
    this.particles = survivors;
    if (this.frame % 4 === 0) this.collide();
    this.frame += 1;
  }
  collide() {
    const tree = new QuadTree(new Box(-200, -50, 400, 400), 0);
    for (const p of this.particles) tree.insert(p);
    for (let i = 0; i < this.particles.length; i += 8) {
      const p = this.particles[i];
      const near = tree.query(new Box(p.pos.x - 1.5, p.pos.y - 1.5, 3, 3), []);
      this.collisions += near.length - 1;
    }
  }
  energy() {
    let e = 0;
    for (const p of this.particles) e += 0.5 * p.mass() * p.vel.lengthSq() + p.pos.y;
    return e;
  }
}

function run() {
  const sys = new ParticleSystem(20240601);
  let treeCheck = 0;
  let energySum = 0;
  for (let gen = 0; gen < 8; gen++) {
    for (let f = 0; f < 40; f++) sys.tick(0.05);
    energySum += Math.floor(sys.energy());
    for (let t = 0; t < 6; t++) treeCheck += TreeNode.build(9 + (t % 3)).check();
  }
  const d = sys.deaths;
  return [d.slice(1).join(","), sys.particles.length, sys.collisions, sys.colorSum,
    sys.log.sumKinds(), treeCheck, energySum].join(" ");
}

console.log(`alloc checksum: ${run()}`);
