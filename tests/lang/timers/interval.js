// setInterval repeats until clearInterval; interleaves with timeouts by due time.
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  console.log(`tick ${ticks}`);
  if (ticks === 4) {
    clearInterval(id);
    console.log("interval cleared");
  }
}, 20);
setTimeout(() => console.log("timeout at 50"), 50);
setTimeout(() => console.log(`final ticks: ${ticks}`), 150);
console.log("scheduled");
// expect: scheduled
// expect: tick 1
// expect: tick 2
// expect: timeout at 50
// expect: tick 3
// expect: tick 4
// expect: interval cleared
// expect: final ticks: 4
