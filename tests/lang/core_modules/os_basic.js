// node:os: the machine's facts, checked against the environment where it says them.
const os = require("os");

const tmp = process.env.TMPDIR || process.env.TMP || process.env.TEMP || "/tmp";
console.log(os.tmpdir() === (tmp.length > 1 && tmp.endsWith("/") ? tmp.slice(0, -1) : tmp)); // expect: true
console.log(os.homedir() === process.env.HOME); // expect: true
console.log(typeof os.hostname(), os.hostname().length > 0); // expect: string true
console.log(os.platform(), os.type(), JSON.stringify(os.EOL)); // expect: linux Linux "\n"
console.log(os.cpus().length > 0, typeof os.cpus()[0].model); // expect: true string
console.log(["x64", "arm64"].includes(os.arch()), typeof os.release()); // expect: true string
console.log(os.totalmem() > os.freemem(), os.uptime() > 0); // expect: true true
console.log(require("node:os") === os, process.platform === os.platform()); // expect: true true
