class Clock {
  tick() {}
}
const clock = new Clock();
setInterval(() => clock.tick(), 500);
console.log("started");
