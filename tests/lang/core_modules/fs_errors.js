// node:fs errors: node's code, errno, syscall, path (and dest) and message shape.
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(os.tmpdir(), `molt-fs-errors-${process.pid}`);
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(path.join(root, "dir"), { recursive: true });
fs.writeFileSync(path.join(root, "dir", "file"), "x");
const at = (p) => path.join(root, p);
const shown = (p) => (typeof p === "string" ? p.split(root).join("<root>") : p);

const attempt = (what, f) => {
  try {
    f();
    console.log(what, "no error");
  } catch (e) {
    console.log(what, shown(e.message), "|", e instanceof Error, e.name, e.errno, e.code, e.syscall,
      shown(e.path), shown(e.dest));
  }
};
attempt("read missing", () => fs.readFileSync(at("nope")));
attempt("read dir", () => fs.readFileSync(at("dir"), "utf8"));
attempt("read under file", () => fs.readFileSync(at("dir/file/x")));
attempt("write dir", () => fs.writeFileSync(at("dir"), "x"));
attempt("write missing dir", () => fs.writeFileSync(at("no/x"), "x"));
attempt("append missing dir", () => fs.appendFileSync(at("no/x"), "x"));
attempt("mkdir exists", () => fs.mkdirSync(at("dir")));
attempt("mkdir -p exists", () => fs.mkdirSync(at("dir"), { recursive: true }));
attempt("mkdir -p under file", () => fs.mkdirSync(at("dir/file/g"), { recursive: true }));
attempt("mkdir missing parent", () => fs.mkdirSync(at("no/x")));
attempt("readdir missing", () => fs.readdirSync(at("nope")));
attempt("readdir file", () => fs.readdirSync(at("dir/file")));
attempt("stat missing", () => fs.statSync(at("nope")));
attempt("unlink missing", () => fs.unlinkSync(at("nope")));
attempt("unlink dir", () => fs.unlinkSync(at("dir")));
attempt("rmdir not empty", () => fs.rmdirSync(at("dir")));
attempt("rmdir file", () => fs.rmdirSync(at("dir/file")));
attempt("rm missing", () => fs.rmSync(at("nope")));
attempt("rename missing", () => fs.renameSync(at("nope"), at("x")));
attempt("bad encoding", () => fs.readFileSync(at("dir/file"), "bogus"));
attempt("path not a string", () => fs.readFileSync(undefined));
attempt("data not a string", () => fs.writeFileSync(at("x"), { a: 1 }));
// expect: read missing ENOENT: no such file or directory, open '<root>/nope' | true Error -2 ENOENT open <root>/nope undefined
// expect: read dir EISDIR: illegal operation on a directory, read | true Error -21 EISDIR read undefined undefined
// expect: read under file ENOTDIR: not a directory, open '<root>/dir/file/x' | true Error -20 ENOTDIR open <root>/dir/file/x undefined
// expect: write dir EISDIR: illegal operation on a directory, open '<root>/dir' | true Error -21 EISDIR open <root>/dir undefined
// expect: write missing dir ENOENT: no such file or directory, open '<root>/no/x' | true Error -2 ENOENT open <root>/no/x undefined
// expect: append missing dir ENOENT: no such file or directory, open '<root>/no/x' | true Error -2 ENOENT open <root>/no/x undefined
// expect: mkdir exists EEXIST: file already exists, mkdir '<root>/dir' | true Error -17 EEXIST mkdir <root>/dir undefined
// expect: mkdir -p exists no error
// expect: mkdir -p under file ENOTDIR: not a directory, mkdir '<root>/dir/file/g' | true Error -20 ENOTDIR mkdir <root>/dir/file/g undefined
// expect: mkdir missing parent ENOENT: no such file or directory, mkdir '<root>/no/x' | true Error -2 ENOENT mkdir <root>/no/x undefined
// expect: readdir missing ENOENT: no such file or directory, scandir '<root>/nope' | true Error -2 ENOENT scandir <root>/nope undefined
// expect: readdir file ENOTDIR: not a directory, scandir '<root>/dir/file' | true Error -20 ENOTDIR scandir <root>/dir/file undefined
// expect: stat missing ENOENT: no such file or directory, stat '<root>/nope' | true Error -2 ENOENT stat <root>/nope undefined
// expect: unlink missing ENOENT: no such file or directory, unlink '<root>/nope' | true Error -2 ENOENT unlink <root>/nope undefined
// expect: unlink dir EISDIR: illegal operation on a directory, unlink '<root>/dir' | true Error -21 EISDIR unlink <root>/dir undefined
// expect: rmdir not empty ENOTEMPTY: directory not empty, rmdir '<root>/dir' | true Error -39 ENOTEMPTY rmdir <root>/dir undefined
// expect: rmdir file ENOTDIR: not a directory, rmdir '<root>/dir/file' | true Error -20 ENOTDIR rmdir <root>/dir/file undefined
// expect: rm missing ENOENT: no such file or directory, lstat '<root>/nope' | true Error -2 ENOENT lstat <root>/nope undefined
// expect: rename missing ENOENT: no such file or directory, rename '<root>/nope' -> '<root>/x' | true Error -2 ENOENT rename <root>/nope <root>/x
// expect: bad encoding The argument 'encoding' is invalid encoding. Received 'bogus' | true TypeError undefined ERR_INVALID_ARG_VALUE undefined undefined undefined
// expect: path not a string The "path" argument must be of type string or an instance of Buffer or URL. Received undefined | true TypeError undefined ERR_INVALID_ARG_TYPE undefined undefined undefined
// expect: data not a string The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received an instance of Object | true TypeError undefined ERR_INVALID_ARG_TYPE undefined undefined undefined

// The error prints as node prints it: the message, then the system fields.
try {
  fs.readFileSync("no-such-file.txt", "utf8");
} catch (e) {
  e.stack = ""; // the stack's frames are node's own; without them the rest is comparable
  console.log(e);
}
// expect: [Error: ENOENT: no such file or directory, open 'no-such-file.txt'] {
// expect:   errno: -2,
// expect:   code: 'ENOENT',
// expect:   syscall: 'open',
// expect:   path: 'no-such-file.txt'
// expect: }

fs.rmSync(root, { recursive: true });
console.log(fs.existsSync(root)); // expect: false
