// slice, substring, substr with negative and out-of-range indices.
const s = "JavaScript";
console.log(s.slice(4), s.slice(0, 4), s.slice(-6), s.slice(-6, -3)); // expect: Script Java Script Scr
console.log(JSON.stringify(s.slice(5, 2)), s.slice(2, 100)); // expect: "" vaScript
console.log(s.substring(4), s.substring(4, 0), s.substring(-3, 2)); // expect: Script Java Ja
console.log(s.substr(4, 3), s.substr(-6, 2), s.substr(2)); // expect: Scr Sc vaScript
const path = "/usr/local/lib/node.js";
const file = path.slice(path.lastIndexOf("/") + 1);
const ext = file.slice(file.lastIndexOf("."));
const dir = path.substring(0, path.lastIndexOf("/"));
console.log(file, ext, dir); // expect: node.js .js /usr/local/lib
