// A Matrix class built on nested arrays.
class Matrix {
  constructor(rows) {
    this.rows = rows;
  }
  static identity(n) {
    return new Matrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))));
  }
  get size() {
    return [this.rows.length, this.rows[0].length];
  }
  multiply(other) {
    const [n, m] = this.size;
    const p = other.size[1];
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push([]);
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += this.rows[i][k] * other.rows[k][j];
        out[i].push(s);
      }
    }
    return new Matrix(out);
  }
  transpose() {
    return new Matrix(this.rows[0].map((_, j) => this.rows.map((r) => r[j])));
  }
  toString() {
    return this.rows.map((r) => r.join(" ")).join("\n");
  }
}

const a = new Matrix([[1, 2], [3, 4], [5, 6]]);
console.log(a.size); // expect: [ 3, 2 ]
console.log(String(a.transpose()));
// expect: 1 3 5
// expect: 2 4 6
console.log(String(a.multiply(a.transpose())));
// expect: 5 11 17
// expect: 11 25 39
// expect: 17 39 61
console.log(Matrix.identity(2)); // expect: Matrix { rows: [ [ 1, 0 ], [ 0, 1 ] ] }
console.log(a.multiply(Matrix.identity(2)).rows); // expect: [ [ 1, 2 ], [ 3, 4 ], [ 5, 6 ] ]
