// A bank schedules its end-of-day report with setTimeout(report, ...), passing the module
// function itself. v2 fixes report() before the timer fires: the timer runs the new code.
const accounts = new Map([["ann", 100], ["bob", 250]]);

function report() {
  let total = 0;
  for (const cents of accounts.values()) total += cents;
  console.log(`v1 report: ${accounts.size} accounts`);
}

setTimeout(report, 30);
accounts.set("cy", 5);
console.log("scheduled");
