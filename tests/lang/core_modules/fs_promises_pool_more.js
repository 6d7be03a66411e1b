// fs.promises lstat, rmdir and rename on the thread pool: each answers after the caller's
// own microtasks (a synchronous call settled at once would answer first), and failures
// reject with node's system errors (rename names both paths; rmdir of a full folder is
// ENOTEMPTY unless recursive).
const fsp = require("fs/promises");
const fs = require("fs");
const path = require("path");
const os = require("os");
const dir = path.join(os.tmpdir(), `molt-fsp-more-${process.pid}`);
const show = (e) => console.log(e.code, e.errno, e.syscall, e.message.split(dir).join("DIR"),
  e.dest === undefined ? "" : "dest " + e.dest.split(dir).join("DIR"));
async function main() {
  fs.mkdirSync(path.join(dir, "full", "deeper"), { recursive: true });
  fs.writeFileSync(path.join(dir, "a.txt"), "a");
  fs.writeFileSync(path.join(dir, "full", "deeper", "f.txt"), "f");
  const order = [];
  const renamed = fsp.rename(path.join(dir, "a.txt"), path.join(dir, "b.txt")).then(() => order.push("rename"));
  const linked = fsp.lstat(path.join(dir, "full")).then((s) => order.push("lstat " + s.isDirectory()));
  const removed = fsp.rmdir(path.join(dir, "full", "deeper", "none")).catch((e) => order.push("rmdir " + e.code));
  Promise.resolve().then(() => order.push("microtask"));
  await Promise.all([renamed, linked, removed]);
  console.log(order[0], order.slice(1).sort().join(", "));
  console.log(fs.existsSync(path.join(dir, "a.txt")), fs.readFileSync(path.join(dir, "b.txt"), "utf8"));
  await fsp.rename(path.join(dir, "missing"), path.join(dir, "c.txt")).catch(show);
  await fsp.rmdir(path.join(dir, "full")).catch(show);
  await fsp.lstat(path.join(dir, "nothing")).catch(show);
  await fsp.rmdir(path.join(dir, "full"), { recursive: true });
  console.log("full gone", !fs.existsSync(path.join(dir, "full")));
  const st = await fsp.lstat(path.join(dir, "b.txt"));
  console.log(st.isFile(), st.isSymbolicLink(), st.size);
  await fsp.rename(path.join(dir, "b.txt"), path.join(dir, "no", "such", "place")).catch(show);
  await fsp.rename(42, "x").catch((e) => console.log(e.code));
}
main().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
// expect: microtask lstat true, rename, rmdir ENOENT
// expect: false a
// expect: ENOENT -2 rename ENOENT: no such file or directory, rename 'DIR/missing' -> 'DIR/c.txt' dest DIR/c.txt
// expect: ENOTEMPTY -39 rmdir ENOTEMPTY: directory not empty, rmdir 'DIR/full' 
// expect: ENOENT -2 lstat ENOENT: no such file or directory, lstat 'DIR/nothing' 
// expect: full gone true
// expect: true false 1
// expect: ENOENT -2 rename ENOENT: no such file or directory, rename 'DIR/b.txt' -> 'DIR/no/such/place' dest DIR/no/such/place
// expect: ERR_INVALID_ARG_TYPE
