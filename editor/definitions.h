// definitions.h — the classes, methods, fields and functions a source file defines.
//
// Classes, methods and functions come from the grammar's tags.scm (so `constructor` is not
// a method, as tags.scm decides), fields from editor/queries/fields.scm. A field assigned
// through `this.f = ...` belongs to the class of the nearest enclosing method; a `function`
// in between rebinds `this`, so its assignments are not fields (arrow functions do not).
// One list serves the outline and the symbol index.
#pragma once

#include <string>
#include <string_view>
#include <tree_sitter/api.h>
#include <vector>

namespace molt::editor {

enum class SymbolKind { Class, Method, Field, Function };

namespace Internal {

struct Definition {
    SymbolKind kind = SymbolKind::Class;
    std::string name;
    std::string container; // the enclosing class for methods and fields
    uint32_t row = 0;      // 0-based, of the name
    uint32_t startByte = 0;
    uint32_t classStart = 0; // start byte of the class node: the class's own, or its owner's
    bool isStatic = false;
    bool topLevel = false; // not inside a function, method or class
};

// In source order; a field appears once per class, at its first declaration or assignment.
std::vector<Definition> extractDefinitions(TSNode root, std::string_view text);

} // namespace Internal
} // namespace molt::editor
