class Pump {
  run() {
    let count = 0;
    let gone = 1;
    while (this.running) count += gone;
  }
}
