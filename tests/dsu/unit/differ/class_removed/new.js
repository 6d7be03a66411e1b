class Current {
  run() {
    return 2;
  }
}
