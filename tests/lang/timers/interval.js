// setInterval repeats until clearInterval; interleaves with timeouts by due time. The
// timeouts are created by the ticks themselves, so the order holds on a slow machine too:
// a 5 ms timeout created in a tick is due before the interval's next 20 ms tick.
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  console.log(`tick ${ticks}`);
  if (ticks === 2) setTimeout(() => console.log("timeout after tick 2"), 5);
  if (ticks === 4) {
    clearInterval(id);
    console.log("interval cleared");
    setTimeout(() => console.log(`final ticks: ${ticks}`), 60);
  }
}, 20);
console.log("scheduled");
// expect: scheduled
// expect: tick 1
// expect: tick 2
// expect: timeout after tick 2
// expect: tick 3
// expect: tick 4
// expect: interval cleared
// expect: final ticks: 4
