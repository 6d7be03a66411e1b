const TAX = 0.2;
let count = 0;
var legacy = "x";
const { format, parse } = require("./util");
const handler = (x) => x + 1;
const rates = {
  eu: 0.2,
  us: 0.1,
};
