const { Cart } = require("./lib/cart");
const { Discount } = require("./lib/discount");
const cart = new Cart();
cart.add({ name: "tea", price: 4 });
