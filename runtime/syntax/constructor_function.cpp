#include "runtime/syntax/constructor_function.h"

#include <algorithm>
#include <set>

namespace molt {

namespace {

// `X.prototype` with X an identifier: X's name, else empty.
std::string prototypeOf(const SyntaxTree& tree, TSNode n) {
    if (!is(n, "member_expression")) return {};
    TSNode object = field(n, "object"), property = field(n, "property");
    if (!is(object, "identifier") || tree.text(property) != "prototype") return {};
    return std::string(tree.text(object));
}

// The top-level statement's assignment, or a null node.
TSNode assignmentOf(TSNode statement) {
    if (!is(statement, "expression_statement")) return {};
    std::vector<TSNode> cs = namedChildren(statement);
    if (cs.size() != 1 || !is(cs[0], "assignment_expression")) return {};
    return cs[0];
}

void addMethod(ConstructorFunction& cf, PrototypeMethod m) {
    cf.methods.erase(std::remove_if(cf.methods.begin(), cf.methods.end(),
                                    [&](const PrototypeMethod& o) { return o.name == m.name; }),
                     cf.methods.end());
    cf.methods.push_back(std::move(m));
}

const char* kOnlyFunctions = "only function expressions can be added to a constructor "
                             "function's prototype (write `P.prototype.name = function (…) {…}`)";

class Reader {
public:
    Reader(const SyntaxTree& tree, ConstructorFunctions& out) : tree_(tree), out_(out) {}

    void prototypeStatement(ConstructorFunction& cf, TSNode statement, TSNode assignment) {
        TSNode left = field(assignment, "left"), right = field(assignment, "right");
        cf.statements.push_back(statement);
        if (!prototypeOf(tree_, left).empty()) {
            TSNode created = createdFrom(right);
            if (!ts_node_is_null(created)) {
                // The old prototype and its methods are gone, its constructor too.
                cf.methods.clear();
                cf.namesConstructor = false;
                inherit(cf, created);
                replacedByCreate_.insert(cf.name);
                return;
            }
            replacedByCreate_.erase(cf.name);
            cf.superName.clear();
            cf.superNode = {};
            replacePrototype(cf, statement, right);
            return;
        }
        if (is(left, "subscript_expression")) {
            refuse(left, "a computed key on " + cf.name +
                             ".prototype is not supported: methods of a constructor function "
                             "are read from the source, so name them (" +
                             cf.name + ".prototype.name = function …)");
            return;
        }
        TSNode key = field(left, "property");
        if (tree_.text(key) == "constructor" && is(right, "identifier") &&
            tree_.text(right) == cf.name) {
            cf.namesConstructor = true; // what the prototype has unless it was replaced
            return;
        }
        if (!is(right, "function_expression")) {
            refuse(right, is(right, "arrow_function")
                              ? "an arrow function as a prototype method does not see the "
                                "instance as `this`; use a function expression"
                              : kOnlyFunctions);
            return;
        }
        addMethod(cf, {std::string(tree_.text(key)), key, right, statement});
    }

    // `Object.setPrototypeOf(P.prototype, S.prototype)`: S becomes P's superclass, P's
    // prototype and its methods stay.
    void setPrototypeStatement(ConstructorFunction& cf, TSNode statement, TSNode superArg) {
        cf.statements.push_back(statement);
        if (prototypeOf(tree_, superArg).empty()) {
            refuse(superArg, "the prototype of " + cf.name +
                                 ".prototype can only be another constructor function's "
                                 "prototype (`S.prototype`)");
            return;
        }
        inherit(cf, superArg);
    }

    // Every prototype replaced by Object.create must name its constructor again afterwards.
    void finish(const std::vector<ConstructorFunction>& candidates) {
        for (const ConstructorFunction& cf : candidates)
            if (replacedByCreate_.count(cf.name) && !cf.namesConstructor)
                refuse(cf.superNode,
                       "after `" + cf.name + ".prototype = Object.create(…)`, write `" + cf.name +
                           ".prototype.constructor = " + cf.name + ";`: without it, instances of " +
                           cf.name + " have " + cf.superName +
                           " as their constructor, which the class model does not represent");
    }

    // `Object.create(S.prototype)` with S a name: its `S.prototype`, else a null node.
    TSNode createdFrom(TSNode right) {
        if (!is(right, "call_expression") || tree_.text(field(right, "function")) != "Object.create")
            return {};
        std::vector<TSNode> args;
        for (TSNode a : namedChildren(field(right, "arguments")))
            if (!is(a, "comment")) args.push_back(a);
        if (args.size() != 1 || prototypeOf(tree_, args[0]).empty()) return {};
        return args[0];
    }

private:
    // `S.prototype` names P's superclass S.
    void inherit(ConstructorFunction& cf, TSNode superPrototype) {
        cf.superNode = field(superPrototype, "object");
        cf.superName = std::string(tree_.text(cf.superNode));
    }

    void replacePrototype(ConstructorFunction& cf, TSNode statement, TSNode literal) {
        if (!is(literal, "object")) {
            refuse(literal, cf.name + ".prototype can be replaced only by an object literal of "
                                      "methods");
            return;
        }
        cf.namesConstructor = false;
        cf.methods.clear();
        for (TSNode entry : namedChildren(literal)) {
            if (is(entry, "comment")) continue;
            if (is(entry, "method_definition")) {
                TSNode key = field(entry, "name");
                if (hasChildToken(entry, "get") || hasChildToken(entry, "set") ||
                    hasChildToken(entry, "*") || hasChildToken(entry, "async") ||
                    is(key, "computed_property_name")) {
                    refuse(entry, "only plain methods are supported in a constructor "
                                  "function's prototype literal");
                    continue;
                }
                addMethod(cf, {memberKeyName(tree_, key), key, entry, statement});
                continue;
            }
            if (!is(entry, "pair")) {
                refuse(entry, kOnlyFunctions);
                continue;
            }
            TSNode key = field(entry, "key"), value = field(entry, "value");
            std::string name = memberKeyName(tree_, key);
            if (name == "constructor" && is(value, "identifier") && tree_.text(value) == cf.name) {
                cf.namesConstructor = true;
                continue;
            }
            if (name.empty() || !is(value, "function_expression")) {
                refuse(name.empty() ? key : value, kOnlyFunctions);
                continue;
            }
            addMethod(cf, {name, key, value, statement});
        }
        if (!cf.namesConstructor)
            refuse(literal, "a prototype literal must name its constructor (`constructor: " +
                                cf.name + ",`): without it, instances of " + cf.name +
                                " would print as plain objects and have Object as their "
                                "constructor, which the class model does not represent");
    }

    void refuse(TSNode at, std::string message) {
        out_.refusals.push_back({at, std::move(message)});
    }

    const SyntaxTree& tree_;
    ConstructorFunctions& out_;
    std::set<std::string> replacedByCreate_;
};

bool writesThis(const SyntaxTree& tree, TSNode body) {
    return !readWrittenLayout(tree, {body}, {}).writes.empty();
}

// The names `new Name(…)` constructs anywhere in the module.
void constructedNames(const SyntaxTree& tree, TSNode n, std::set<std::string, std::less<>>& out) {
    if (is(n, "new_expression")) {
        TSNode ctor = field(n, "constructor");
        if (is(ctor, "identifier")) out.insert(std::string(tree.text(ctor)));
    }
    for (TSNode c : namedChildren(n))
        constructedNames(tree, c, out);
}

// `Object.setPrototypeOf(target, super);` as a statement.
bool setPrototypeCall(const SyntaxTree& tree, TSNode statement, TSNode& target, TSNode& super) {
    if (!is(statement, "expression_statement")) return false;
    std::vector<TSNode> cs = namedChildren(statement);
    if (cs.size() != 1 || !is(cs[0], "call_expression") ||
        tree.text(field(cs[0], "function")) != "Object.setPrototypeOf")
        return false;
    std::vector<TSNode> args;
    for (TSNode a : namedChildren(field(cs[0], "arguments")))
        if (!is(a, "comment")) args.push_back(a);
    if (args.size() != 2) return false;
    target = args[0];
    super = args[1];
    return true;
}

// Superclasses first; a superclass that is not a constructor function of this module, or a
// cycle, is a refusal (the class would have nothing to extend).
void orderBySuperclass(std::vector<ConstructorFunction>& chosen, ConstructorFunctions& out) {
    for (ConstructorFunction& cf : chosen) {
        if (cf.superName.empty()) continue;
        bool known = std::any_of(chosen.begin(), chosen.end(), [&](const ConstructorFunction& o) {
            return o.name == cf.superName && o.name != cf.name;
        });
        if (!known) {
            out.refusals.push_back(
                {cf.superNode, "a constructor function can inherit only from another "
                               "constructor function declared at the top level of the same "
                               "module (`function " +
                                   cf.superName + "(…) {…}`); for anything else, write `class " +
                                   cf.name + " extends …`"});
            cf.superName.clear();
        }
    }
    std::set<std::string> placed;
    while (!chosen.empty()) {
        auto ready = std::find_if(chosen.begin(), chosen.end(), [&](const ConstructorFunction& c) {
            return c.superName.empty() || placed.count(c.superName);
        });
        if (ready == chosen.end()) { // a cycle: refuse it, keep the rest in source order
            out.refusals.push_back({chosen.front().superNode,
                                    "constructor function " + chosen.front().name +
                                        " inherits from itself through " +
                                        chosen.front().superName});
            for (ConstructorFunction& c : chosen)
                c.superName.clear();
            continue;
        }
        placed.insert(ready->name);
        out.functions.push_back(std::move(*ready));
        chosen.erase(ready);
    }
}

} // namespace

const ConstructorFunction* ConstructorFunctions::find(std::string_view name) const {
    for (const ConstructorFunction& cf : functions)
        if (cf.name == name) return &cf;
    return nullptr;
}

bool ConstructorFunctions::isPrototypeStatement(TSNode statement) const {
    for (const ConstructorFunction& cf : functions)
        for (TSNode s : cf.statements)
            if (ts_node_eq(s, statement)) return true;
    return false;
}

ConstructorFunctions readConstructorFunctions(const SyntaxTree& tree) {
    ConstructorFunctions out;
    std::vector<TSNode> top = namedChildren(tree.root());
    std::vector<ConstructorFunction> candidates;
    for (TSNode s : top)
        if (is(s, "function_declaration") && !hasChildToken(s, "async")) {
            ConstructorFunction cf;
            cf.name = std::string(tree.text(field(s, "name")));
            cf.declaration = s; // a redeclaration wins, as hoisting would have it
            auto same = std::find_if(candidates.begin(), candidates.end(),
                                     [&](const ConstructorFunction& c) { return c.name == cf.name; });
            if (same != candidates.end())
                *same = std::move(cf);
            else
                candidates.push_back(std::move(cf));
        }
    Reader reader(tree, out);
    for (TSNode s : top) {
        TSNode target, super;
        if (setPrototypeCall(tree, s, target, super)) {
            std::string owner = prototypeOf(tree, target);
            for (ConstructorFunction& cf : candidates)
                if (cf.name == owner) reader.setPrototypeStatement(cf, s, super);
            continue;
        }
        TSNode a = assignmentOf(s);
        if (ts_node_is_null(a)) continue;
        TSNode left = field(a, "left");
        std::string owner = prototypeOf(tree, left);
        if (owner.empty() && (is(left, "member_expression") || is(left, "subscript_expression")))
            owner = prototypeOf(tree, field(left, "object"));
        if (owner.empty()) continue;
        for (ConstructorFunction& cf : candidates)
            if (cf.name == owner) reader.prototypeStatement(cf, s, a);
    }
    reader.finish(candidates);
    std::set<std::string, std::less<>> constructed;
    constructedNames(tree, tree.root(), constructed);
    for (ConstructorFunction& cf : candidates)
        if (!cf.superName.empty()) constructed.insert(cf.superName); // a superclass is one
    std::vector<ConstructorFunction> chosen;
    for (ConstructorFunction& cf : candidates)
        if (!cf.statements.empty() || constructed.count(cf.name) ||
            writesThis(tree, field(cf.declaration, "body")))
            chosen.push_back(std::move(cf));
    orderBySuperclass(chosen, out);
    return out;
}

ClassLayout readConstructorLayout(const SyntaxTree& tree, const ConstructorFunction& cf) {
    std::vector<TSNode> bodies{field(cf.declaration, "body")};
    std::set<std::string> names;
    for (const PrototypeMethod& m : cf.methods) {
        bodies.push_back(field(m.function, "body"));
        names.insert(m.name);
    }
    return readWrittenLayout(tree, bodies, std::move(names));
}

} // namespace molt
