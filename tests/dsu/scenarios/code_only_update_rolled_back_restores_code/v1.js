// Electricity meters, read in a loop whose call sites have cached Meter's members. The
// patch changes only code, so the classes are updated in place; its validation runs the
// new code (filling those call sites' caches) and then fails. The rollback must give the
// classes back their old members and the call sites the old code.
class Meter {
  constructor(id) {
    this.id = id;
    this.reading = 0;
  }

  read() {
    return this.reading;
  }

  get label() {
    return `m${this.id}`;
  }

  static unit() {
    return "kWh";
  }
}

class SmartMeter extends Meter {
  read() {
    return super.read() + 1;
  }
}

const meters = [new Meter(1), new SmartMeter(2)];
meters[0].reading = 5;
meters[1].reading = 7;
const owners = new Map([[meters[0], "ada"], [meters[1], "bob"]]);
const ids = meters.map((m) => Molt.identityOf(m));

function total() {
  let sum = 0;
  for (const m of meters) sum += m.read();
  return sum;
}

console.log(total(), meters.map((m) => m.label).join(), Meter.unit());
