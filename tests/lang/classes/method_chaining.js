// Builder-style classes whose methods return this.
class QueryBuilder {
  constructor(table) {
    this.table = table;
    this.conditions = [];
    this.limitValue = null;
    this.fields = ["*"];
  }
  select(...fields) {
    this.fields = fields;
    return this;
  }
  where(cond) {
    this.conditions.push(cond);
    return this;
  }
  limit(n) {
    this.limitValue = n;
    return this;
  }
  build() {
    let sql = `SELECT ${this.fields.join(", ")} FROM ${this.table}`;
    if (this.conditions.length > 0) sql += " WHERE " + this.conditions.join(" AND ");
    if (this.limitValue !== null) sql += ` LIMIT ${this.limitValue}`;
    return sql;
  }
}

console.log(new QueryBuilder("users").build()); // expect: SELECT * FROM users
const q = new QueryBuilder("orders").select("id", "total").where("total > 10").where("paid = 1").limit(5);
console.log(q.build()); // expect: SELECT id, total FROM orders WHERE total > 10 AND paid = 1 LIMIT 5
console.log(q.conditions.length, q.limitValue); // expect: 2 5
