// array_queue.js: arrays used as queues and built by Array.from.
//
// A breadth-first search over a grid with an array as its FIFO queue
// (push/shift), a work list that mixes unshift and shift, and tables built by
// Array.from({length: n}, fn).

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

class Grid {
  constructor(rng, size) {
    this.size = size;
    this.walls = Array.from({ length: size * size }, () => rng.int(100) < 25);
    this.walls[0] = false;
  }
  bfs() {
    const n = this.size;
    const dist = Array.from({ length: n * n }, () => -1);
    const queue = [0];
    dist[0] = 0;
    let reached = 0;
    while (queue.length > 0) {
      const cell = queue.shift();
      reached++;
      const x = cell % n, y = (cell - x) / n;
      const next = [x > 0 ? cell - 1 : -1, x < n - 1 ? cell + 1 : -1, y > 0 ? cell - n : -1, y < n - 1 ? cell + n : -1];
      for (const c of next) {
        if (c >= 0 && !this.walls[c] && dist[c] < 0) {
          dist[c] = dist[cell] + 1;
          queue.push(c);
        }
      }
    }
    return reached + dist.reduce((a, d) => a + (d > 0 ? d : 0), 0);
  }
}

function workList(rng, count) {
  const list = Array.from({ length: count }, (_, i) => i);
  let h = 0;
  while (list.length > 0) {
    const item = list.shift();
    h = (h * 31 + item) % 1000000007;
    if (item % 7 === 0 && item > 0 && rng.int(2) === 0) list.unshift(item - 1);
  }
  return h;
}

function run() {
  const rng = new Rng(99);
  let h = 0;
  for (let round = 0; round < 2; round++) {
    const grid = new Grid(rng, 200);
    h = (h * 7 + grid.bfs()) % 1000000007;
    h = (h * 7 + workList(rng, 60000)) % 1000000007;
    const table = Array.from({ length: 50000 }, (_, i) => i * i % 1009);
    h = (h * 7 + table[table.length - 1] + table.length) % 1000000007;
  }
  return `${h}`;
}

console.log(`array_queue checksum: ${run()}`);
