class Pump {
  run() {
    let rounds = 0;
    this.open();
    while (this.running) {
      const batch = this.n;
      this.serve();
      this.serve();
      this.flush();
      rounds += batch;
    }
  }

  start() {
    this.open();
    this.serve();
  }
}
