const { Cart } = require("./lib/cart");
const legacy = require("./lib/legacy");
const cart = new Cart();
cart.add({ name: "tea", price: 4 });
