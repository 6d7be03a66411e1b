// fields.js: field access benchmark for Molt.
//
// Two simulations whose inner loops are dominated by instance field reads and
// writes, most of them behind methods, getters/setters, private fields and
// static counters:
//   1. a bank ledger: accounts of several kinds, transfers, fees, interest,
//      overdraft checks and a running audit;
//   2. a mass-spring physics simulation with bodies whose coordinates are
//      exposed through accessors.

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
}

// ---------------------------------------------------------------- ledger

class Account {
  static nextId = 1;
  static open = 0;
  #balance = 0;
  #frozen = false;
  txCount = 0;
  overdraft = 0;

  constructor(owner, initial) {
    this.id = Account.nextId++;
    this.owner = owner;
    this.#balance = initial;
    this.lastAmount = 0;
    this.peak = initial;
    Account.open += 1;
  }
  get balance() { return this.#balance; }
  set balance(v) {
    this.#balance = v;
    if (v > this.peak) this.peak = v;
  }
  get frozen() { return this.#frozen; }
  set frozen(f) { this.#frozen = f; }
  get available() { return this.#frozen ? 0 : this.#balance + this.overdraft; }
  canWithdraw(amount) { return amount <= this.available; }
  deposit(amount) {
    this.balance = this.balance + amount;
    this.lastAmount = amount;
    this.txCount++;
  }
  withdraw(amount) {
    if (!this.canWithdraw(amount)) return false;
    this.balance = this.balance - amount;
    this.lastAmount = -amount;
    this.txCount++;
    return true;
  }
  monthEnd() { return 0; }
}

class Checking extends Account {
  fee = 25;
  constructor(owner, initial) {
    super(owner, initial);
    this.overdraft = 5000;
    this.feesPaid = 0;
  }
  monthEnd() {
    const f = this.txCount > 40 ? 0 : this.fee;
    if (this.balance < 0) {
      this.balance -= f * 4;
      this.feesPaid += f * 4;
    } else {
      this.balance -= f;
      this.feesPaid += f;
    }
    return -f;
  }
}

class Savings extends Account {
  constructor(owner, initial, rateBp) {
    super(owner, initial);
    this.rateBp = rateBp;
    this.withdrawals = 0;
    this.interestPaid = 0;
  }
  withdraw(amount) {
    if (this.withdrawals >= 6) return false;
    const ok = super.withdraw(amount);
    if (ok) this.withdrawals++;
    return ok;
  }
  monthEnd() {
    const interest = Math.floor(this.balance * this.rateBp / 120000);
    this.balance += interest;
    this.interestPaid += interest;
    this.withdrawals = 0;
    return interest;
  }
}

class Business extends Checking {
  constructor(owner, initial) {
    super(owner, initial);
    this.overdraft = 50000;
    this.fee = 100;
    this.payroll = 0;
  }
  monthEnd() {
    this.payroll += this.txCount;
    return super.monthEnd();
  }
}

class Transfer {
  constructor(from, to, amount, day) {
    this.from = from;
    this.to = to;
    this.amount = amount;
    this.day = day;
    this.status = 0;
  }
  get settled() { return this.status === 1; }
}

class Ledger {
  constructor() {
    this.accounts = [];
    this.posted = 0;
    this.rejected = 0;
    this.volume = 0;
    this.feeTotal = 0;
    this.interestTotal = 0;
  }
  add(acc) { this.accounts.push(acc); return acc; }
  post(tx) {
    const from = tx.from, to = tx.to;
    if (from.frozen || to.frozen || !from.withdraw(tx.amount)) {
      tx.status = 2;
      this.rejected++;
      return false;
    }
    to.deposit(tx.amount);
    tx.status = 1;
    this.posted++;
    this.volume += tx.amount;
    return true;
  }
  closeMonth() {
    for (const a of this.accounts) {
      const delta = a.monthEnd();
      if (delta < 0) this.feeTotal -= delta;
      else this.interestTotal += delta;
      a.txCount = 0;
      a.frozen = a.balance < -a.overdraft;
    }
  }
  total() {
    let t = 0;
    for (const a of this.accounts) t += a.balance;
    return t;
  }
  audit() {
    let h = 0;
    for (const a of this.accounts) h = (h * 31 + a.balance + a.peak % 1000 + a.id) % 1000000007;
    return h;
  }
}

function runLedger(rng) {
  const ledger = new Ledger();
  for (let i = 0; i < 60; i++) {
    const k = i % 3;
    if (k === 0) ledger.add(new Checking(`c${i}`, 10000 + rng.int(50000)));
    else if (k === 1) ledger.add(new Savings(`s${i}`, 50000 + rng.int(200000), 150 + rng.int(300)));
    else ledger.add(new Business(`b${i}`, 100000 + rng.int(400000)));
  }
  const accts = ledger.accounts;
  let settled = 0;
  for (let month = 0; month < 40; month++) {
    for (let day = 0; day < 30; day++) {
      for (let n = 0; n < 80; n++) {
        const from = accts[rng.int(accts.length)];
        const to = accts[rng.int(accts.length)];
        if (from === to) continue;
        const tx = new Transfer(from, to, 100 + rng.int(from.balance > 20000 ? 9000 : 2000), day);
        ledger.post(tx);
        if (tx.settled) settled++;
      }
    }
    ledger.closeMonth();
  }
  return `${ledger.posted}/${ledger.rejected}/${settled} vol=${ledger.volume} fees=${ledger.feeTotal} ` +
    `int=${ledger.interestTotal} total=${ledger.total()} audit=${ledger.audit()} open=${Account.open}`;
}

// --------------------------------------------------------------- physics

class Body {
  static count = 0;
  constructor(x, y, mass) {
    this._x = x;
    this._y = y;
    this.vx = 0;
    this.vy = 0;
    this.fx = 0;
    this.fy = 0;
    this.mass = mass;
    this.pinned = false;
    Body.count++;
  }
  get x() { return this._x; }
  set x(v) { this._x = v; }
  get y() { return this._y; }
  set y(v) { this._y = v; }
  get invMass() { return this.pinned ? 0 : 1 / this.mass; }
  get kinetic() { return 0.5 * this.mass * (this.vx * this.vx + this.vy * this.vy); }
  clearForce() {
    this.fx = 0;
    this.fy = -9.81 * this.mass;
  }
  addForce(fx, fy) {
    this.fx += fx;
    this.fy += fy;
  }
  integrate(dt, damping) {
    const im = this.invMass;
    this.vx = (this.vx + this.fx * im * dt) * damping;
    this.vy = (this.vy + this.fy * im * dt) * damping;
    this.x = this.x + this.vx * dt;
    this.y = this.y + this.vy * dt;
    if (this.y < -50) {
      this.y = -50;
      this.vy = -this.vy * 0.5;
    }
  }
}

class Spring {
  constructor(a, b, k) {
    this.a = a;
    this.b = b;
    this.k = k;
    const dx = b.x - a.x, dy = b.y - a.y;
    this.rest = Math.sqrt(dx * dx + dy * dy);
    this.maxStretch = 0;
  }
  get length() {
    const dx = this.b.x - this.a.x, dy = this.b.y - this.a.y;
    return Math.sqrt(dx * dx + dy * dy);
  }
  exert() {
    const a = this.a, b = this.b;
    const dx = b.x - a.x, dy = b.y - a.y;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (len === 0) return;
    const stretch = len - this.rest;
    if (stretch > this.maxStretch) this.maxStretch = stretch;
    const f = this.k * stretch / len;
    a.addForce(f * dx, f * dy);
    b.addForce(-f * dx, -f * dy);
  }
}

class Cloth {
  constructor(w, h, spacing) {
    this.w = w;
    this.h = h;
    this.bodies = [];
    this.springs = [];
    this.steps = 0;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const b = new Body(i * spacing, -j * spacing, 1 + ((i + j) % 3) * 0.5);
        if (j === 0 && i % 4 === 0) b.pinned = true;
        this.bodies.push(b);
      }
    }
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        if (i + 1 < w) this.link(i, j, i + 1, j, 400);
        if (j + 1 < h) this.link(i, j, i, j + 1, 400);
        if (i + 1 < w && j + 1 < h) this.link(i, j, i + 1, j + 1, 150);
      }
    }
  }
  at(i, j) { return this.bodies[j * this.w + i]; }
  link(i1, j1, i2, j2, k) { this.springs.push(new Spring(this.at(i1, j1), this.at(i2, j2), k)); }
  step(dt) {
    for (const b of this.bodies) b.clearForce();
    for (const s of this.springs) s.exert();
    for (const b of this.bodies) b.integrate(dt, 0.995);
    this.steps++;
  }
  energy() {
    let e = 0;
    for (const b of this.bodies) e += b.kinetic + 9.81 * b.mass * b.y;
    return e;
  }
  maxStretch() {
    let m = 0;
    for (const s of this.springs) if (s.maxStretch > m) m = s.maxStretch;
    return m;
  }
}

function runPhysics(rng) {
  const cloth = new Cloth(16, 12, 2);
  let sample = 0;
  for (let t = 0; t < 1600; t++) {
    if (t % 100 === 0) {
      const b = cloth.bodies[rng.int(cloth.bodies.length)];
      b.vx += 20 * (rng.float() - 0.5);
    }
    cloth.step(0.005);
    if (t % 50 === 0) sample += Math.floor(cloth.energy());
  }
  let cx = 0, cy = 0;
  for (const b of cloth.bodies) {
    cx += b.x;
    cy += b.y;
  }
  return `steps=${cloth.steps} bodies=${Body.count} e=${sample} ` +
    `c=${Math.round(cx * 1000)},${Math.round(cy * 1000)} s=${Math.round(cloth.maxStretch() * 1e6)}`;
}

const rng = new Rng(987654321);
const a = runLedger(rng);
const b = runPhysics(rng);
console.log(`fields checksum: ${a} | ${b}`);
