// Molt only: Thread.current() identifies the running thread.
const main = Thread.current();
console.log(main === Thread.current(), main !== null && main !== undefined); // expect: true true
const seen = [null, null];
const finished = [false, false];
for (let i = 0; i < 2; i++) {
  Thread.spawn(() => {
    const me = Thread.current();
    Thread.yield();
    seen[i] = { me, stable: me === Thread.current(), isMain: me === main };
    finished[i] = true;
  });
}
while (!finished[0] || !finished[1]) Thread.yield();
console.log(seen[0].stable, seen[1].stable); // expect: true true
console.log(seen[0].isMain, seen[1].isMain); // expect: false false
console.log(seen[0].me === seen[1].me); // expect: false
console.log(Thread.current() === main); // expect: true
