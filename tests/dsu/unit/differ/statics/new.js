class Config {
  static RATE = 0.25;
  static ceiling = 10;
  static label = "cfg";
  static region = "eu";
  static limit() {
    return Config.ceiling * 2;
  }
}
