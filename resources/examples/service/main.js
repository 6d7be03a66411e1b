// A small REST service over the shop's domain: JSON over HTTP, state in memory, orders
// persisted with fs (store.js). Start it with a control socket and update it while it serves:
//
//   molt run main.js --control shop.sock -- 8080 /tmp/shop-data
//   curl -s localhost:8080/products
//   curl -s -X POST localhost:8080/orders -d '{"sku":"tea","qty":2}'
//   molt update shop.sock main_v2.js --eval 'shop.stats()'
//
// main_v2.js changes the stats handler and adds a field to Order.
const http = require("http");
const os = require("os");
const path = require("path");
const { OrderLog } = require("./store");

class Product {
  constructor(sku, name, price) {
    this.sku = sku;
    this.name = name;
    this.price = price; // in cents
  }
  toJSON() {
    return { sku: this.sku, name: this.name, price: this.price };
  }
}

class Order {
  constructor(id, product, qty) {
    this.id = id;
    this.sku = product.sku;
    this.qty = qty;
    this.total = product.price * qty;
  }
  toJSON() {
    return { id: this.id, sku: this.sku, qty: this.qty, total: this.total };
  }
}

class Shop {
  constructor(log) {
    this.log = log;
    this.products = new Map();
    this.orders = [];
    this.requests = 0;
  }
  stock(product) {
    this.products.set(product.sku, product);
  }
  restore() {
    for (const r of this.log.load()) this.record(new Order(r.id, this.products.get(r.sku), r.qty));
  }
  record(order) {
    this.orders.push(order);
    return order;
  }
  place(sku, qty) {
    const product = this.products.get(sku);
    if (!product) return { status: 404, body: { error: `no product '${sku}'` } };
    if (!Number.isInteger(qty) || qty <= 0) return { status: 400, body: { error: "qty must be a positive integer" } };
    const order = this.record(new Order(this.orders.length + 1, product, qty));
    this.log.append(order.toJSON());
    return { status: 201, body: order };
  }
  stats() {
    const revenue = this.orders.reduce((sum, o) => sum + o.total, 0);
    return { version: 1, requests: this.requests, orders: this.orders.length, revenue };
  }
  handle(method, url, text) {
    this.requests++;
    const parts = url.split("?")[0].split("/").filter((p) => p.length > 0);
    if (method === "GET" && parts.length === 1 && parts[0] === "products")
      return { status: 200, body: [...this.products.values()] };
    if (method === "GET" && parts.length === 2 && parts[0] === "products") {
      const product = this.products.get(parts[1]);
      return product ? { status: 200, body: product } : { status: 404, body: { error: "not found" } };
    }
    if (method === "POST" && parts.length === 1 && parts[0] === "orders") {
      let request;
      try {
        request = JSON.parse(text);
      } catch (e) {
        return { status: 400, body: { error: "the body is not JSON" } };
      }
      return this.place(request.sku, request.qty);
    }
    if (method === "GET" && parts.length === 2 && parts[0] === "orders") {
      const order = this.orders[Number(parts[1]) - 1];
      return order ? { status: 200, body: order } : { status: 404, body: { error: "not found" } };
    }
    if (method === "GET" && parts.length === 1 && parts[0] === "stats") return { status: 200, body: this.stats() };
    return { status: 404, body: { error: `no route ${method} ${url}` } };
  }
}

const port = Number(process.argv[2] ?? 8080);
const shop = new Shop(new OrderLog(process.argv[3] ?? path.join(os.tmpdir(), "molt-shop-service")));
shop.stock(new Product("tea", "Green tea", 450));
shop.stock(new Product("mug", "Stoneware mug", 1200));
shop.stock(new Product("pot", "Cast-iron teapot", 3900));
shop.restore();

const server = http.createServer((req, res) => {
  let text = "";
  req.on("data", (chunk) => { text += chunk; });
  req.on("end", () => {
    const answer = shop.handle(req.method, req.url, text);
    res.writeHead(answer.status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
});
server.listen(port, "127.0.0.1", () => {
  console.log(`listening on ${server.address().port}, ${shop.orders.length} orders restored`);
});
