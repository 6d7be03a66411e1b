// Requires a module that is not text (the case writes blob.js).
const blob = require("./blob.js");
console.log("not reached", blob);
