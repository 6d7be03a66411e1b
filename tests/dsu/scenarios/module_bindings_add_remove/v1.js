// Module-level state of a tiny HTTP-like router.
let requests = 0;
let legacyMode = true;
const log = [];

class Router {
  constructor() {
    this.routes = new Map();
  }

  on(path, fn) {
    this.routes.set(path, fn);
  }

  route(path) {
    requests++;
    const fn = this.routes.get(path);
    const out = fn ? fn() : "404";
    log.push(`${path} -> ${out}`);
    return out;
  }
}

function stats() {
  return `${requests} requests, ${log.length} logged`;
}

const router = new Router();
router.on("/", () => "home");
router.on("/about", () => "about us");
router.route("/");
router.route("/about");
router.route("/missing");
console.log(stats(), legacyMode);
