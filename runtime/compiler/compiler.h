// compiler.h — tree-sitter parse tree to bytecode, one module at a time.
//
// The compiler reads the shared SyntaxTree and emits FunctionProto objects (opcodes.h).
// Decisions made here that the rest of the runtime relies on:
//   * A module's top-level declarations (let/const/var/function/class) are Module slots,
//     not locals: closures read them with GetModule/SetModule, and the DSU can read and
//     replace a module's namespace by name.
//   * A class's own fields are known statically: declared fields, then names its own
//     methods assign through `this.name =` (in source order). The layout itself is built
//     at run time by Op::Class, because the superclass is an expression.
//   * Every class gets a compiled constructor (a default one when absent), so `new` never
//     has to special-case missing constructors.
//   * Anything outside the language subset is a CompileError at its position.
#pragma once

#include "runtime/syntax/syntax.h"
#include "runtime/core/vm.h"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace molt {

// Generated code that stands for code of another file: the DSU writes a patch script from a
// new version's source (a declared initializer copied into `dsu.initializer(...)`), and a
// throw in that code should name the file the user wrote, not the script. A function whose
// definition starts inside a range is named after the range's file; its positions inside a
// verbatim range (the source's own text, on one line) map column for column, and the
// others to the range's start (the construct the script wrote that code for).
struct SourceOrigin {
    uint32_t startByte = 0, endByte = 0; // a byte range [start, end) of the generated text
    std::string file;                    // the file it stands for, as messages name it
    uint32_t line = 0, column = 0;       // where in that file the range starts (1-based)
    bool verbatim = false;
};

// How a module body is compiled against the namespace it is given.
struct ModuleCompileOptions {
    enum class Mode {
        // A fresh module: its namespace starts empty; a name declared twice is an error.
        Fresh,
        // The next version of a live module (DSU, version.h). The namespace is a copy of
        // the live one: a name of both versions keeps its slot (and its live value), a new
        // name gets a new slot. The body runs only definitions: class declarations,
        // function declarations, and declarations that introduce a new name. Other
        // top-level statements are not re-run.
        NextVersion,
        // A module evaluated in another module's namespace (a patch script): the namespace
        // is a copy of that module's; free names resolve there, and the module's own
        // declarations (and its CommonJS bindings) shadow the names they reuse.
        Overlay,
    };
    Mode mode = Mode::Fresh;
    // NextVersion: class and function declarations whose live definition is kept (the
    // declaration did not change), so the body leaves their bindings alone.
    const std::unordered_set<std::string>* unchanged = nullptr;
    // Ranges of a generated text and the source they stand for (none: the text is its own).
    const std::vector<SourceOrigin>* origins = nullptr;
};

// Compiles `tree` as the body of `module`, declaring its top-level bindings as module
// slots. Returns the module function, or nullptr with `error` filled in.
FunctionProto* compileModule(VM& vm, Module* module, const SyntaxTree& tree, CompileError& error,
                             const ModuleCompileOptions& options = {});

// Compiles one expression in `module`'s namespace (its bindings by name) into a function
// that returns the expression's value. Declares nothing.
FunctionProto* compileEval(VM& vm, Module* module, const SyntaxTree& tree, CompileError& error);

// Disassembly for debugging and tests.
std::string disassemble(const FunctionProto* proto);

} // namespace molt
