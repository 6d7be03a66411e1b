// definitions.h — the classes, methods, fields and functions a source file defines.
//
// Classes, methods and functions come from the grammar's tags.scm (so `constructor` is not
// a method, as tags.scm decides), fields from editor/queries/fields.scm. A field assigned
// through `this.f = ...` belongs to the class of the nearest enclosing method; a `function`
// in between rebinds `this`, so its assignments are not fields (arrow functions do not).
// One list serves the outline, the symbol index and completion (editor/completion.h).
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
    bool isAccessor = false; // a method declared with `get` or `set`
    bool topLevel = false;   // not inside a function, method or class
    std::string superclass;  // of a class: the name after `extends` (`a.B` gives "B"), or ""
};

// In source order; a field appears once per class, at its first declaration or assignment.
std::vector<Definition> extractDefinitions(TSNode root, std::string_view text);

// The name a class's `extends` clause names: `B` for `extends B` and `extends a.B`, "" when
// there is none or it is another expression (`extends mixin(A)`).
std::string superclassName(TSNode cls, std::string_view text);

} // namespace Internal
} // namespace molt::editor
