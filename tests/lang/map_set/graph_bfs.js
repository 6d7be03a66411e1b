// Graph algorithms using Map adjacency lists and Set visited markers.
class Graph {
  constructor() {
    this.adj = new Map();
  }
  addEdge(a, b) {
    for (const [x, y] of [[a, b], [b, a]]) {
      if (!this.adj.has(x)) this.adj.set(x, []);
      this.adj.get(x).push(y);
    }
    return this;
  }
  bfs(start) {
    const visited = new Set([start]);
    const order = [];
    const queue = [start];
    while (queue.length) {
      const node = queue.shift();
      order.push(node);
      for (const next of this.adj.get(node) ?? []) {
        if (!visited.has(next)) {
          visited.add(next);
          queue.push(next);
        }
      }
    }
    return order;
  }
  shortestPath(from, to) {
    const prev = new Map([[from, null]]);
    const queue = [from];
    while (queue.length) {
      const node = queue.shift();
      if (node === to) break;
      for (const next of this.adj.get(node) ?? []) {
        if (!prev.has(next)) {
          prev.set(next, node);
          queue.push(next);
        }
      }
    }
    if (!prev.has(to)) return null;
    const path = [];
    for (let n = to; n !== null; n = prev.get(n)) path.unshift(n);
    return path;
  }
}

const g = new Graph().addEdge("a", "b").addEdge("a", "c").addEdge("b", "d").addEdge("c", "d").addEdge("d", "e").addEdge("x", "y");
console.log(g.bfs("a").join(" ")); // expect: a b c d e
console.log(g.shortestPath("a", "e")); // expect: [ 'a', 'b', 'd', 'e' ]
console.log(g.shortestPath("a", "x")); // expect: null
console.log(g.adj.get("d")); // expect: [ 'b', 'c', 'e' ]
