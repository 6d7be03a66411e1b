// arrays.js: array benchmark for Molt.
//
// Array-heavy code of the kind found in small numeric and algorithmic
// libraries: an integer matrix class (multiply, transpose, power, determinant
// mod p), five hand-written sorting algorithms checked against the built-in
// sort, a binary-heap priority queue driving Dijkstra on a weighted grid, and
// a statistics pass written with map/filter/reduce and friends.

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

const P = 10007;

// ----------------------------------------------------------------- matrix

class Matrix {
  constructor(rows, cols, data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data || new Array(rows * cols).fill(0);
  }
  static identity(n) {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.set(i, i, 1);
    return m;
  }
  static random(rng, rows, cols) {
    return new Matrix(rows, cols, Array.from({ length: rows * cols }, () => rng.int(P)));
  }
  get(i, j) { return this.data[i * this.cols + j]; }
  set(i, j, v) { this.data[i * this.cols + j] = v; }
  row(i) { return this.data.slice(i * this.cols, (i + 1) * this.cols); }
  transpose() {
    const t = new Matrix(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) t.data[j * this.rows + i] = this.data[i * this.cols + j];
    }
    return t;
  }
  mul(o) {
    const out = new Matrix(this.rows, o.cols);
    const ot = o.transpose();
    for (let i = 0; i < this.rows; i++) {
      const a = this.row(i);
      for (let j = 0; j < o.cols; j++) {
        const b = ot.row(j);
        let s = 0;
        for (let k = 0; k < a.length; k++) s += a[k] * b[k];
        out.data[i * o.cols + j] = s % P;
      }
    }
    return out;
  }
  pow(e) {
    let result = Matrix.identity(this.rows);
    let base = this;
    while (e > 0) {
      if (e & 1) result = result.mul(base);
      base = base.mul(base);
      e >>= 1;
    }
    return result;
  }
  determinant() {
    // Gaussian elimination over Z/P with row swaps on a list-of-rows copy.
    const n = this.rows;
    const rows = [];
    for (let i = 0; i < n; i++) rows.push(this.row(i));
    let det = 1;
    for (let c = 0; c < n; c++) {
      const pivot = rows.findIndex((r, idx) => idx >= c && r[c] !== 0);
      if (pivot < 0) return 0;
      if (pivot !== c) {
        const tmp = rows[c];
        rows[c] = rows[pivot];
        rows[pivot] = tmp;
        det = (P - det) % P;
      }
      const pr = rows[c];
      det = (det * pr[c]) % P;
      const inv = modInverse(pr[c]);
      for (let r = c + 1; r < n; r++) {
        const f = (rows[r][c] * inv) % P;
        if (f === 0) continue;
        rows[r] = rows[r].map((v, k) => (k < c ? v : (v - f * pr[k] % P + P) % P));
      }
    }
    return det;
  }
  trace() { return this.data.filter((_, idx) => idx % (this.cols + 1) === 0).reduce((a, b) => (a + b) % P, 0); }
}

function modInverse(a) {
  let result = 1, base = a % P, e = P - 2;
  while (e > 0) {
    if (e & 1) result = (result * base) % P;
    base = (base * base) % P;
    e >>= 1;
  }
  return result;
}

// ---------------------------------------------------------------- sorting

function insertionSort(a, lo, hi) {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

function quickSort(a, lo = 0, hi = a.length - 1) {
  while (hi - lo > 12) {
    const mid = (lo + hi) >> 1;
    const pivot = a[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      quickSort(a, lo, j);
      lo = i;
    } else {
      quickSort(a, i, hi);
      hi = j;
    }
  }
  return insertionSort(a, lo, hi);
}

function mergeSort(a) {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const left = mergeSort(a.slice(0, mid)), right = mergeSort(a.slice(mid));
  const out = [];
  let i = 0, j = 0;
  while (i < left.length && j < right.length) out.push(left[i] <= right[j] ? left[i++] : right[j++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}

function heapSort(a) {
  const n = a.length;
  const sift = (start, end) => {
    let root = start;
    for (;;) {
      let child = 2 * root + 1;
      if (child > end) return;
      if (child + 1 <= end && a[child] < a[child + 1]) child++;
      if (a[root] >= a[child]) return;
      const t = a[root];
      a[root] = a[child];
      a[child] = t;
      root = child;
    }
  };
  for (let s = (n >> 1) - 1; s >= 0; s--) sift(s, n - 1);
  for (let end = n - 1; end > 0; end--) {
    const t = a[0];
    a[0] = a[end];
    a[end] = t;
    sift(0, end - 1);
  }
  return a;
}

function shellSort(a) {
  const gaps = [701, 301, 132, 57, 23, 10, 4, 1];
  for (const gap of gaps) {
    for (let i = gap; i < a.length; i++) {
      const v = a[i];
      let j = i;
      for (; j >= gap && a[j - gap] > v; j -= gap) a[j] = a[j - gap];
      a[j] = v;
    }
  }
  return a;
}

function radixSort(a) {
  let out = a.slice();
  for (let shift = 0; shift < 24; shift += 8) {
    const buckets = Array.from({ length: 256 }, () => []);
    for (const v of out) buckets[(v >> shift) & 255].push(v);
    out = buckets.flat();
  }
  return out;
}

// --------------------------------------------------------- priority queue

class PriorityQueue {
  constructor(less) {
    this.heap = [];
    this.less = less;
  }
  get size() { return this.heap.length; }
  push(item) {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }
  pop() {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
}

function dijkstra(grid, w, h) {
  const dist = new Array(w * h).fill(Number.POSITIVE_INFINITY);
  const pq = new PriorityQueue((a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]));
  dist[0] = grid[0];
  pq.push([grid[0], 0]);
  const dirs = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  let pops = 0;
  while (pq.size > 0) {
    const [d, idx] = pq.pop();
    pops++;
    if (d > dist[idx]) continue;
    const x = idx % w, y = (idx - x) / w;
    for (const [dx, dy] of dirs) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      const n = ny * w + nx;
      const nd = d + grid[n] * (dy === 0 ? 1 : 2);
      if (nd < dist[n]) {
        dist[n] = nd;
        pq.push([nd, n]);
      }
    }
  }
  return [dist[w * h - 1], pops];
}

// ------------------------------------------------------------------ stats

function stats(values) {
  const evens = values.filter((v) => v % 2 === 0);
  const scaled = values.map((v, i) => (v * (i % 7)) % 1000);
  const sum = scaled.reduce((a, b) => a + b, 0);
  const maxv = values.reduce((a, b) => (a > b ? a : b), Number.NEGATIVE_INFINITY);
  const firstBig = values.findIndex((v) => v > 990000);
  const some = values.some((v) => v === 12345) ? 1 : 0;
  const all = values.every((v) => v >= 0) ? 1 : 0;
  const uniq = new Set(values.map((v) => v % 997)).size;
  const pairs = values.slice(0, 200).flatMap((v, i) => (i % 2 ? [v, -v] : [v]));
  const rev = values.slice(0, 100).reverse().concat(evens.slice(0, 50));
  const chunked = [];
  for (let i = 0; i < values.length; i += 64) chunked.push(values.slice(i, i + 64));
  const chunkMax = chunked.map((c) => Math.max(...c)).reduce((a, b) => a + b, 0);
  const idx = values.indexOf(values[values.length >> 1]) + (values.includes(-1) ? 1 : 0);
  return [evens.length, sum, maxv, firstBig, some, all, uniq, pairs.length,
    rev.reduceRight((a, b) => (a * 3 + b) % 1000003, 0), chunkMax % 1000003, idx];
}

function checksum(a) {
  let h = 0;
  for (let i = 0; i < a.length; i++) h = (h * 31 + a[i]) % 1000000007;
  return h;
}

function run() {
  const rng = new Rng(777);
  const out = [];

  const A = Matrix.random(rng, 32, 32), B = Matrix.random(rng, 32, 32);
  const C = A.mul(B).pow(1000003);
  out.push(checksum(C.data), C.trace(), A.determinant(), C.transpose().determinant());

  let sortHash = 0, mismatches = 0;
  for (let round = 0; round < 16; round++) {
    const base = Array.from({ length: 3000 }, () => rng.int(1000000));
    const expect = base.slice().sort((x, y) => x - y);
    const results = [quickSort(base.slice()), mergeSort(base.slice()), heapSort(base.slice()),
      shellSort(base.slice()), radixSort(base)];
    for (const r of results) {
      if (r.length !== expect.length || r.some((v, i) => v !== expect[i])) mismatches++;
    }
    sortHash = (sortHash + checksum(expect)) % 1000000007;
    const words = base.slice(0, 300).map((v) => v.toString(36));
    words.sort();
    sortHash = (sortHash + words[0].length + words[words.length - 1].charCodeAt(0)) % 1000000007;
  }
  out.push(sortHash, mismatches);

  const W = 80, H = 80;
  for (let g = 0; g < 6; g++) {
    const grid = Array.from({ length: W * H }, () => 1 + rng.int(9));
    out.push(...dijkstra(grid, W, H));
  }

  const q = [];
  let qsum = 0;
  for (let i = 0; i < 40000; i++) {
    q.push(rng.int(100));
    if (i % 3 === 2) qsum += q.shift();
    if (i % 5 === 4) qsum += q.pop();
  }
  q.unshift(1, 2, 3);
  q.splice(10, 5, 7, 7);
  out.push(qsum, q.length, checksum(q));

  out.push(...stats(Array.from({ length: 40000 }, () => rng.int(1000000))));
  return out.join(",");
}

console.log(`arrays checksum: ${run()}`);
