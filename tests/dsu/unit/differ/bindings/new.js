const TAX = 0.25;
let count = 0;
const { format, stringify } = require("./util");
const handler = (x) => x + 2;
let started = Date.now();
const rates = {
  eu: 0.25,
  us: 0.1,
  uk: 0.2,
};
