// A print spooler: one device referenced from everywhere a program keeps references.
class Device {
  constructor(name) {
    this.name = name;
    this.jobs = 0;
  }
}

class Spooler {
  static primary = null;
  static fallbacks = [];
}

const printer = new Device("printer");
const plotter = new Device("plotter");
Spooler.primary = printer;
Spooler.fallbacks.push(plotter, printer);
let current = plotter;
const config = { default: printer, nested: { list: [plotter, printer] } };
const getPrinter = (() => {
  const captured = printer;
  return () => captured;
})();
function makeSubmitter(device) {
  return (doc) => `${device.name} #${++device.jobs}: ${doc}`;
}
const submit = makeSubmitter(printer);
submit("report.pdf");
const ids = { printer: Molt.identityOf(printer), plotter: Molt.identityOf(plotter) };
console.log(submit("invoice.pdf"), current.name);
