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

#include "syntax.h"
#include "vm.h"

#include <optional>

namespace molt {

// Compiles `tree` as the body of `module`, declaring its top-level bindings as module
// slots. Returns the module function, or nullptr with `error` filled in.
FunctionProto* compileModule(VM& vm, Module* module, const SyntaxTree& tree, CompileError& error);

// Compiles one expression in `module`'s namespace (its bindings by name) into a function
// that returns the expression's value. Declares nothing.
FunctionProto* compileEval(VM& vm, Module* module, const SyntaxTree& tree, CompileError& error);

// Disassembly for debugging and tests.
std::string disassemble(const FunctionProto* proto);

} // namespace molt
