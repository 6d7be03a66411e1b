class Clock {
  tick() {}
}
const clock = new Clock();
setInterval(() => clock.tick(), 1000);
console.log("started");
