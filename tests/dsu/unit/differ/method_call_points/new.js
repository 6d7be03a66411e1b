class Pump {
  run() {
    let rounds = 0;
    const step = 2;
    this.open();
    while (this.running) {
      let label = "round " + rounds;
      this.serve();
      this.serve();
      rounds += step;
    }
  }

  start() {
    this.open();
    this.serve(1);
  }
}
