// 200k readings in a program whose heap may not grow much: an update that would copy them
// all cannot fit, so it must roll back before it starts copying, not crash halfway.
class Reading {
  unit = "C";
  constructor(i) {
    this.i = i;
  }
}
const readings = [];
for (let i = 0; i < 200000; i++) readings.push(new Reading(i));
const first = readings[0];
console.log(readings.length);
