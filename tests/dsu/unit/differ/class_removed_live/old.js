class Legacy {
  run() {
    return 1;
  }
}
class Current {
  run() {
    return 2;
  }
}
class Unused {}
