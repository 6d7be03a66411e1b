// A service whose background thread sleeps for a long time inside watch().
class Service {
  constructor(name) {
    this.name = name;
    this.checks = 0;
  }

  watch() {
    while (true) {
      this.checks++;
      Thread.sleep(10000);
    }
  }

  banner() {
    return `${this.name} v1`;
  }
}

class Health {
  report(service) {
    return `${service.name}: ${service.checks} checks`;
  }
}

const service = new Service("api");
const health = new Health();
Thread.spawn(() => service.watch());
Thread.sleep(1); // the watcher is now asleep inside watch()
console.log(service.banner(), health.report(service));
