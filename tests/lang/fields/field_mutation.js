// Fields hold any value and can be reassigned, including with compound operators.
class Stats {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  names = null;
  add(v) {
    this.count++;
    this.sum += v;
    this.min = Math.min(this.min, v);
    this.max = Math.max(this.max, v);
    this.names ??= [];
    this.names.push(`v${v}`);
  }
  get mean() {
    return this.count === 0 ? NaN : this.sum / this.count;
  }
}

const s = new Stats();
console.log(s.mean, s.min, s.max); // expect: NaN Infinity -Infinity
for (const v of [4, 8, 15, 16, 23, 42]) s.add(v);
console.log(s.count, s.sum, s.min, s.max, s.mean); // expect: 6 108 4 42 18
console.log(s.names.join()); // expect: v4,v8,v15,v16,v23,v42
s.sum -= 8;
s.count *= 2;
s.max **= 0.5;
console.log(s.sum, s.count, s.max.toFixed(3)); // expect: 100 12 6.481
s.names = s.names.length > 3 ? "many" : "few";
console.log(s.names); // expect: many
