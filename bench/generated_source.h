// generated_source.h — the class-heavy JavaScript file the keystroke benchmarks type into.
//
// A chain of classes (each extends the one before) with fields, a getter, a constructor
// and four methods with loops, template strings and closures, repeated until `lines`
// lines: the shape of a large real module, valid for the hosted language and for node.
#pragma once

#include <string>

namespace molt::bench {

inline std::string generateSource(int lines) {
    std::string s;
    int n = 0, cls = 0;
    auto line = [&](const std::string& l) {
        s += l;
        s += '\n';
        ++n;
    };
    line("// generated: classes with fields, getters, methods and loops");
    while (n < lines) {
        std::string name = "Shape" + std::to_string(cls);
        std::string base = cls == 0 ? "" : " extends Shape" + std::to_string(cls - 1);
        line("class " + name + base + " {");
        line("  static count = 0;");
        line("  width = " + std::to_string(cls % 17) + ";");
        line("  label = \"" + name + "\";");
        line("  constructor(x, y) {");
        if (cls > 0) line("    super(x, y);");
        line("    this.x = x;");
        line("    this.y = y;");
        line("    this.items = [];");
        line("    " + name + ".count++;");
        line("  }");
        line("  get area() { return this.width * this.height; }");
        for (int m = 0; m < 4; ++m) {
            line("  method" + std::to_string(m) + "(a, b) {");
            line("    // combine the inputs with this shape's state");
            line("    let total = 0;");
            line("    for (let i = 0; i < a.length; i++) {");
            line("      total += a[i] * " + std::to_string(m + 1) + " + this.x;");
            line("    }");
            line("    if (total > 100 && b !== null) {");
            line("      return `${this.label}: ${total}`;");
            line("    }");
            line("    return this.items.map((v) => v + total).filter((v) => v % 2 === 0);");
            line("  }");
        }
        line("}");
        line("");
        ++cls;
    }
    return s;
}

} // namespace molt::bench
