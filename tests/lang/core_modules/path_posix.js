// node:path (POSIX): every function against node's answers, edge cases included.
const path = require("path");

const show = (f, ...cases) => {
  for (const c of cases) console.log(JSON.stringify(c), "->", JSON.stringify(f(...c)));
};
show(path.normalize, [""], ["."], ["./"], ["/"], ["//a//b/"], ["a/./b/../c"], ["../a/.."],
  ["/../x"], ["a/.."], ["a/../"], ["./a/b/"]);
show(path.join, [], [""], ["a", "b"], ["/a", "../b", "c/"], ["a", "", "b"], ["..", "x"],
  ["/", "/"], ["a", "/b"]);
show(path.resolve, ["/a/b", "./c"], ["/a", "/b", "c/.."], ["/x/y/", "../z/"], ["/"]);
show(path.dirname, [""], ["a"], ["/"], ["/a"], ["/a/b/"], ["a/b//c"], ["./x"], ["//a"], ["///"], ["/a//b/"]);
show(path.basename, ["/a/b.txt"], ["/a/b.txt", ".txt"], ["/a/b/"], ["/"], [""], ["b.txt", "b.txt"],
  ["aaa/bbb", "bb"], ["x.js", "js"]);
show(path.extname, ["a.js"], ["a.b.c"], [".bashrc"], ["a."], ["a"], ["..x"], ["/p.q/r"], [".a.b"]);
show(path.relative, ["/a/b/c", "/a/d"], ["/a", "/a"], ["/a/b", "/a/b/c/d"], ["/", "/x"],
  ["/x/y", "/"]);
show(path.isAbsolute, ["/x"], ["x"], [""], ["./x"]);
show(path.parse, ["/home/u/file.txt"], ["file.txt"], ["/"], ["a/"], ["./x/.env"], ["a/b.c/"], ["a/b//c"],
  ["//a//"], ["///a"], ["/a//b/"]);
show(path.format, [{ root: "/", dir: "/home", base: "f.txt" }], [{ root: "/", name: "f", ext: ".x" }],
  [{ name: "f", ext: "x" }], [{ dir: "d", name: "n" }], [{}]);
// expect: [""] -> "."
// expect: ["."] -> "."
// expect: ["./"] -> "./"
// expect: ["/"] -> "/"
// expect: ["//a//b/"] -> "/a/b/"
// expect: ["a/./b/../c"] -> "a/c"
// expect: ["../a/.."] -> ".."
// expect: ["/../x"] -> "/x"
// expect: ["a/.."] -> "."
// expect: ["a/../"] -> "./"
// expect: ["./a/b/"] -> "a/b/"
// expect: [] -> "."
// expect: [""] -> "."
// expect: ["a","b"] -> "a/b"
// expect: ["/a","../b","c/"] -> "/b/c/"
// expect: ["a","","b"] -> "a/b"
// expect: ["..","x"] -> "../x"
// expect: ["/","/"] -> "/"
// expect: ["a","/b"] -> "a/b"
// expect: ["/a/b","./c"] -> "/a/b/c"
// expect: ["/a","/b","c/.."] -> "/b"
// expect: ["/x/y/","../z/"] -> "/x/z"
// expect: ["/"] -> "/"
// expect: [""] -> "."
// expect: ["a"] -> "."
// expect: ["/"] -> "/"
// expect: ["/a"] -> "/"
// expect: ["/a/b/"] -> "/a"
// expect: ["a/b//c"] -> "a/b/"
// expect: ["./x"] -> "."
// expect: ["//a"] -> "//"
// expect: ["///"] -> "/"
// expect: ["/a//b/"] -> "/a/"
// expect: ["/a/b.txt"] -> "b.txt"
// expect: ["/a/b.txt",".txt"] -> "b"
// expect: ["/a/b/"] -> "b"
// expect: ["/"] -> ""
// expect: [""] -> ""
// expect: ["b.txt","b.txt"] -> ""
// expect: ["aaa/bbb","bb"] -> "b"
// expect: ["x.js","js"] -> "x."
// expect: ["a.js"] -> ".js"
// expect: ["a.b.c"] -> ".c"
// expect: [".bashrc"] -> ""
// expect: ["a."] -> "."
// expect: ["a"] -> ""
// expect: ["..x"] -> ".x"
// expect: ["/p.q/r"] -> ""
// expect: [".a.b"] -> ".b"
// expect: ["/a/b/c","/a/d"] -> "../../d"
// expect: ["/a","/a"] -> ""
// expect: ["/a/b","/a/b/c/d"] -> "c/d"
// expect: ["/","/x"] -> "x"
// expect: ["/x/y","/"] -> "../.."
// expect: ["/x"] -> true
// expect: ["x"] -> false
// expect: [""] -> false
// expect: ["./x"] -> false
// expect: ["/home/u/file.txt"] -> {"root":"/","dir":"/home/u","base":"file.txt","ext":".txt","name":"file"}
// expect: ["file.txt"] -> {"root":"","dir":"","base":"file.txt","ext":".txt","name":"file"}
// expect: ["/"] -> {"root":"/","dir":"/","base":"","ext":"","name":""}
// expect: ["a/"] -> {"root":"","dir":"","base":"a","ext":"","name":"a"}
// expect: ["./x/.env"] -> {"root":"","dir":"./x","base":".env","ext":"","name":".env"}
// expect: ["a/b.c/"] -> {"root":"","dir":"a","base":"b.c","ext":".c","name":"b"}
// expect: ["a/b//c"] -> {"root":"","dir":"a/b/","base":"c","ext":"","name":"c"}
// expect: ["//a//"] -> {"root":"/","dir":"/","base":"a","ext":"","name":"a"}
// expect: ["///a"] -> {"root":"/","dir":"//","base":"a","ext":"","name":"a"}
// expect: ["/a//b/"] -> {"root":"/","dir":"/a/","base":"b","ext":"","name":"b"}
// expect: [{"root":"/","dir":"/home","base":"f.txt"}] -> "/home/f.txt"
// expect: [{"root":"/","name":"f","ext":".x"}] -> "/f.x"
// expect: [{"name":"f","ext":"x"}] -> "f.x"
// expect: [{"dir":"d","name":"n"}] -> "d/n"
// expect: [{}] -> ""
console.log(path.resolve("a") === path.join(process.cwd(), "a")); // expect: true
console.log(path.resolve() === process.cwd()); // expect: true
console.log(path.sep, path.delimiter, path.posix === path, require("node:path") === path);
// expect: / : true true
try {
  path.join("a", 5);
} catch (err) {
  console.log(err.code, err.message); // expect: ERR_INVALID_ARG_TYPE The "path" argument must be of type string. Received type number (5)
}
