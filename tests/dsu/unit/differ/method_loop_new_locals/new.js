class Pump {
  run() {
    let count = 0;
    const step = 2;
    let limit = this.max * step;
    const report = () => count;
    let later;
    while (this.running && count < limit) count += step;
    report(later);
  }
}
