// The main module uses ./pricing through the exports record and destructured bindings.
// v2 changes only ./pricing: its functions change and it gains module-level bindings; the
// live quote counter of the module survives.
const pricing = require("./pricing");
const { quote } = require("./pricing");

console.log(quote(250, 4), pricing.quote(100, 20), pricing.count());
