// node:fs, the synchronous calls, in a fresh folder under os.tmpdir() that is removed at
// the end.
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(os.tmpdir(), `molt-fs-sync-${process.pid}`);
fs.rmSync(root, { recursive: true, force: true });
console.log(fs.existsSync(root), fs.mkdirSync(root) === undefined); // expect: false true
const file = path.join(root, "notes.txt");

fs.writeFileSync(file, "héllo\n");
fs.appendFileSync(file, "wörld\n", "utf8");
console.log(JSON.stringify(fs.readFileSync(file, "utf8"))); // expect: "héllo\nwörld\n"
console.log(fs.readFileSync(file, { encoding: "utf-8" }).length); // expect: 12
// Without an encoding the bytes come back one character per byte (there is no Buffer).
const bytes = fs.readFileSync(file, "latin1");
console.log(bytes.length, bytes.charCodeAt(1), bytes.charCodeAt(2)); // expect: 14 195 169
console.log(fs.readFileSync(file, "hex").slice(0, 8)); // expect: 68c3a96c
fs.writeFileSync(file, "replaced", { encoding: "utf8" });
fs.writeFileSync(file, "+more", { flag: "a" });
console.log(fs.readFileSync(file, "utf8")); // expect: replaced+more

// Binary data survives a latin1 round trip.
let all = "";
for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
fs.writeFileSync(path.join(root, "bytes.bin"), all, "latin1");
const back = fs.readFileSync(path.join(root, "bytes.bin"), "latin1");
console.log(back === all, fs.statSync(path.join(root, "bytes.bin")).size); // expect: true 256

const st = fs.statSync(file);
console.log(st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs, st.mtimeMs > 0); // expect: 13 true false number true
console.log(fs.statSync(root).isDirectory(), fs.statSync(root).isFile()); // expect: true false
console.log(fs.statSync(path.join(root, "none"), { throwIfNoEntry: false })); // expect: undefined

const made = fs.mkdirSync(path.join(root, "a", "b", "c"), { recursive: true });
console.log(made === path.join(root, "a")); // expect: true
console.log(fs.mkdirSync(path.join(root, "a", "b"), { recursive: true })); // expect: undefined
fs.writeFileSync(path.join(root, "a", "z.txt"), "z");
fs.writeFileSync(path.join(root, "a", "b", "y.txt"), "y");
console.log(fs.readdirSync(root)); // expect: [ 'a', 'bytes.bin', 'notes.txt' ]
console.log(fs.readdirSync(path.join(root, "a"))); // expect: [ 'b', 'z.txt' ]

fs.renameSync(path.join(root, "a", "z.txt"), path.join(root, "moved.txt"));
console.log(fs.existsSync(path.join(root, "a", "z.txt")), fs.readFileSync(path.join(root, "moved.txt"), "utf8")); // expect: false z
fs.unlinkSync(path.join(root, "moved.txt"));
fs.rmdirSync(path.join(root, "a", "b", "c"));
console.log(fs.readdirSync(path.join(root, "a", "b"))); // expect: [ 'y.txt' ]
fs.rmSync(path.join(root, "a"), { recursive: true });
fs.rmSync(path.join(root, "gone"), { force: true });
fs.rmSync(path.join(root, "bytes.bin"));
console.log(fs.readdirSync(root)); // expect: [ 'notes.txt' ]

fs.rmSync(root, { recursive: true, force: true });
console.log(fs.existsSync(root), fs.existsSync(), fs.existsSync(5)); // expect: false false false
