// Many async tasks at once: each awaits timers; their results arrive in timer order.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function worker(id, ms) {
  await sleep(ms);
  console.log("worker", id, "done");
  return id * 10;
}
Promise.all([worker(1, 60), worker(2, 30), worker(3, 90)]).then((r) => console.log(r));

// expect: worker 2 done
// expect: worker 1 done
// expect: worker 3 done
// expect: [ 10, 20, 30 ]
