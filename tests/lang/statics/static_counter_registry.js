// A registry kept in a static Map, with lookups by name.
class Plugin {
  static registry = new Map();
  static register(plugin) {
    Plugin.registry.set(plugin.name, plugin);
    return plugin;
  }
  static get(name) {
    return Plugin.registry.get(name) ?? null;
  }
  static names() {
    return [...Plugin.registry.keys()];
  }
  constructor(name, version) {
    this.name = name;
    this.version = version;
  }
}

Plugin.register(new Plugin("lint", 2));
Plugin.register(new Plugin("format", 1));
Plugin.register(new Plugin("lint", 3));
console.log(Plugin.names()); // expect: [ 'lint', 'format' ]
console.log(Plugin.get("lint").version); // expect: 3
console.log(Plugin.get("test")); // expect: null
console.log(Plugin.registry.size); // expect: 2
