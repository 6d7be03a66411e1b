class Registry {
  static entries = [];
  static {
    Registry.entries.push("a");
  }
}
