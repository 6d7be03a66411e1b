class Config {
  static RATE = 0.2;
  static max = 10;
  static legacy = "x";
  static label = "cfg";
  static limit() {
    return Config.max * 2;
  }
}
