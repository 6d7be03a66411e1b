// constructor_function.h — which top-level functions of a module are constructor functions,
// and which statements give them their methods (decision 0018).
//
// `function P(x) { this.x = x; }` with `P.prototype.m = function () {…}` is an implicit
// class: the runtime builds a class P whose constructor is P's body, whose methods are the
// prototype assignments and whose layout is read by the class rule (class_layout.h) from P's
// body and those methods. The compiler and the differ must agree on every such class, so
// this is the one place that recognises them:
//   - P is a function declaration at the module's top level, neither async nor a generator;
//   - its methods are top-level statements `P.prototype.name = function … {…}` and
//     `P.prototype = { name() {…}, name: function … {…}, constructor: P }` anywhere in the
//     module's top level (the last one of a name wins, as the assignments would);
//   - P is one when it has such a statement, when its body writes `this.name` or when the
//     module constructs it (`new P(…)`).
// A prototype statement that cannot be read statically (`P.prototype[k] = …`, a non-function
// value, an arrow, a getter) is a refusal with its node: the compiler reports it as a compile
// error. Any other assignment to a `prototype` is the compiler's to refuse.
//
// `P.prototype = Object.create(S.prototype)` (or `Object.setPrototypeOf(P.prototype,
// S.prototype)`), S another constructor function of the module, makes S the superclass of
// P's class: S's layout comes first, S's methods are inherited and `S.call(this, …)` in P's
// body initializes S's fields on the instance. Replacing the prototype that way must be
// followed by `P.prototype.constructor = P`, for the reason below. `functions` lists every
// superclass before its subclasses, so the classes can be built in that order.
//
// A record literal assigned to P.prototype replaces the prototype in JavaScript; without
// `constructor: P` instances would print as plain objects and have Object as constructor,
// which an implicit class cannot be, so such a literal is a refusal.
#pragma once

#include "runtime/syntax/class_layout.h"
#include "runtime/syntax/syntax.h"

#include <string>
#include <vector>

namespace molt {

struct PrototypeMethod {
    std::string name;
    TSNode key{};       // the property (or the literal's key) naming the method
    TSNode function{};  // a function_expression, or the literal's method_definition
    TSNode statement{}; // the top-level expression_statement it belongs to
};

struct ConstructorFunction {
    std::string name;
    TSNode declaration{};                 // the function_declaration
    std::vector<PrototypeMethod> methods; // source order, one per name (the last one)
    std::vector<TSNode> statements;       // the prototype statements, source order
    bool namesConstructor = false;        // `constructor: P` in a literal, or
                                          // `P.prototype.constructor = P`
    std::string superName; // `P.prototype = Object.create(S.prototype)`: S ("" = none)
    TSNode superNode{};    // the identifier S in that statement
};

struct PrototypeRefusal {
    TSNode at{};
    std::string message;
};

struct ConstructorFunctions {
    std::vector<ConstructorFunction> functions;
    std::vector<PrototypeRefusal> refusals; // source order

    const ConstructorFunction* find(std::string_view name) const;
    // Whether a top-level statement is one of the prototype statements (compiled as nothing:
    // the class already has the methods).
    bool isPrototypeStatement(TSNode statement) const;
};

ConstructorFunctions readConstructorFunctions(const SyntaxTree& tree);

// The implicit class's layout: the fields P's body and its methods write through `this`.
ClassLayout readConstructorLayout(const SyntaxTree& tree, const ConstructorFunction& cf);

} // namespace molt
