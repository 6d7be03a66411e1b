// fs.promises in a temp folder: each call settles a promise with the result of its system
// calls (on the thread pool) or node's system error.
const fs = require("fs");
const path = require("path");
const os = require("os");
const dir = path.join(os.tmpdir(), `molt-fsp-${process.pid}`);
async function main() {
  await fs.promises.mkdir(path.join(dir, "sub"), { recursive: true });
  await fs.promises.writeFile(path.join(dir, "a.txt"), "hello");
  await fs.promises.appendFile(path.join(dir, "a.txt"), " world");
  console.log(await fs.promises.readFile(path.join(dir, "a.txt"), "utf8"));
  console.log(await fs.promises.readdir(dir));
  const st = await fs.promises.stat(path.join(dir, "a.txt"));
  console.log(st.size, st.isFile(), st.isDirectory());
  await fs.promises.rename(path.join(dir, "a.txt"), path.join(dir, "b.txt"));
  try { await fs.promises.readFile(path.join(dir, "a.txt"), "utf8"); } catch (e) { console.log(e.code, e.syscall, e.message.replace(dir, "DIR")); }
  await fs.promises.unlink(path.join(dir, "b.txt"));
  await fs.promises.rmdir(path.join(dir, "sub"));
  await fs.promises.rm(dir, { recursive: true });
  console.log(fs.existsSync(dir));
  const missing = fs.promises.readFile("/nonexistent-molt");
  console.log(typeof fs.promises.readFile, missing instanceof Promise);
  await missing.catch((e) => console.log("rejected with", e.code));
}
main().catch((e) => console.log("failed", e));

// expect: hello world
// expect: [ 'a.txt', 'sub' ]
// expect: 11 true false
// expect: ENOENT open ENOENT: no such file or directory, open 'DIR/a.txt'
// expect: false
// expect: function true
// expect: rejected with ENOENT
