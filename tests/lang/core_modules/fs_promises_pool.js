// fs/promises (the same object as fs.promises) in a temp folder: the calls that run on
// the thread pool answer after the caller has gone on and its microtasks have run, in
// parallel through Promise.all, and reject with node's system errors (code, errno,
// syscall, path) — also for bad arguments, which reject instead of throwing.
const fsp = require("fs/promises");
const fs = require("fs");
const path = require("path");
const os = require("os");
const dir = path.join(os.tmpdir(), `molt-fsp-pool-${process.pid}`);
const show = (e) =>
  console.log(e.code, e.errno, e.syscall, String(e.path).replace(dir, "DIR"),
    e.message.replace(dir, "DIR"));

async function main() {
  console.log("same object", fsp === fs.promises);
  console.log("mkdir made", (await fsp.mkdir(path.join(dir, "a", "b"), { recursive: true })).replace(dir, "DIR"));
  console.log("mkdir again", await fsp.mkdir(path.join(dir, "a", "b"), { recursive: true }));
  const p = fsp.writeFile(path.join(dir, "one.txt"), "first line\n");
  console.log("after the call", p instanceof Promise);
  queueMicrotask(() => console.log("a microtask runs before the write settles"));
  console.log("write result", await p);
  await fsp.appendFile(path.join(dir, "one.txt"), "second line\n");
  const names = ["x", "y", "z"];
  await Promise.all(names.map((n, i) => fsp.writeFile(path.join(dir, n + ".txt"), n.repeat(i + 1))));
  const texts = await Promise.all(names.map((n) => fsp.readFile(path.join(dir, n + ".txt"), "utf8")));
  console.log("parallel", texts);
  console.log(JSON.stringify(await fsp.readFile(path.join(dir, "one.txt"), { encoding: "utf8" })));
  console.log("listing", await fsp.readdir(dir));
  const st = await fsp.stat(path.join(dir, "one.txt"));
  console.log("stat", st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs);
  console.log("dir stat", (await fsp.stat(path.join(dir, "a"))).isDirectory());
  for (const attempt of [
    () => fsp.readFile(path.join(dir, "missing.txt"), "utf8"),
    () => fsp.readFile(path.join(dir, "a"), "utf8"),
    () => fsp.writeFile(path.join(dir, "nodir", "f.txt"), "x"),
    () => fsp.readdir(path.join(dir, "one.txt")),
    () => fsp.stat(path.join(dir, "missing")),
    () => fsp.unlink(path.join(dir, "missing")),
    () => fsp.mkdir(path.join(dir, "a")),
    () => fsp.rm(path.join(dir, "missing")),
  ]) {
    try {
      await attempt();
      console.log("no error");
    } catch (e) {
      show(e);
    }
  }
  try {
    await fsp.rm(path.join(dir, "a"));
  } catch (e) {
    console.log(e.code, e.message.replace(dir, "DIR"));
  }
  const bad = fsp.readFile(42);
  console.log("bad argument gives", bad instanceof Promise);
  await bad.catch((e) => console.log(e.code, e.message));
  await fsp.unlink(path.join(dir, "x.txt"));
  console.log("unlinked", fs.existsSync(path.join(dir, "x.txt")));
  await fsp.rm(path.join(dir, "missing"), { force: true });
  await fsp.rm(dir, { recursive: true });
  console.log("removed", fs.existsSync(dir));
}
main().catch((e) => console.log("failed", e));

// expect: same object true
// expect: mkdir made DIR
// expect: mkdir again undefined
// expect: after the call true
// expect: a microtask runs before the write settles
// expect: write result undefined
// expect: parallel [ 'x', 'yy', 'zzz' ]
// expect: "first line\nsecond line\n"
// expect: listing [ 'a', 'one.txt', 'x.txt', 'y.txt', 'z.txt' ]
// expect: stat 23 true false number
// expect: dir stat true
// expect: ENOENT -2 open DIR/missing.txt ENOENT: no such file or directory, open 'DIR/missing.txt'
// expect: EISDIR -21 read undefined EISDIR: illegal operation on a directory, read
// expect: ENOENT -2 open DIR/nodir/f.txt ENOENT: no such file or directory, open 'DIR/nodir/f.txt'
// expect: ENOTDIR -20 scandir DIR/one.txt ENOTDIR: not a directory, scandir 'DIR/one.txt'
// expect: ENOENT -2 stat DIR/missing ENOENT: no such file or directory, stat 'DIR/missing'
// expect: ENOENT -2 unlink DIR/missing ENOENT: no such file or directory, unlink 'DIR/missing'
// expect: EEXIST -17 mkdir DIR/a EEXIST: file already exists, mkdir 'DIR/a'
// expect: ENOENT -2 lstat DIR/missing ENOENT: no such file or directory, lstat 'DIR/missing'
// expect: ERR_FS_EISDIR Path is a directory: rm returned EISDIR (is a directory) DIR/a
// expect: bad argument gives true
// expect: ERR_INVALID_ARG_TYPE The "path" argument must be of type string or an instance of Buffer or URL. Received type number (42)
// expect: unlinked false
// expect: removed false
