import fs from "fs";
console.log(fs);
// expect compile error: 1:1: import declarations are not supported
