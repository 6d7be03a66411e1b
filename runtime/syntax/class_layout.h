// class_layout.h — which instance fields a class declaration gives its instances.
//
// The rule (DESIGN.md §3): the layout of C is S's layout, then C's declared instance fields,
// then the fields C's own instance methods write through `this.name` that no ancestor has.
// A write is any assignment target: `this.x = v`, `this.x += v`, `this.x++`/`--this.x`, a
// destructuring target (`[this.a, {k: this.b = 1}] = v`, nested at any depth, rest
// elements included) and the head of a for-of/for-in without a declaration. `this` is the
// instance in the method bodies and the arrows inside them; nested functions, classes and
// object-literal methods have another `this` and are not looked into. Static members,
// static blocks and field initializers are not methods of the instance.
//
// Writes that add no field: through an own instance accessor (`this.n++` with `get n`/
// `set n` calls them), and to a private name (a class's private fields are all declared;
// any other `#x` is a private method or an enclosing class's name). A name an ancestor has as a
// public field or an accessor is not C's own either; only the caller knows the ancestors, so
// `ownFields` asks it. A declared field is always the class's own: its initializer runs for it,
// even where it shares a slot.
//
// This is the one place the rule is written. Its users — the compiler (the class shape
// Op::Class builds, which drops inherited names itself), the differ (what a change to a
// class does to live instances) and the refactorings (which fields a class has) — must
// agree on every class, so none of them walks method bodies for fields on its own.
//
// Names are as written: private ones keep their '#', string keys lose their quotes, numeric
// keys keep their spelling; the compiler maps them to the runtime's names.
#pragma once

#include "runtime/core/private_name.h"
#include "runtime/syntax/syntax.h"

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace molt {

struct LayoutField {
    std::string name;
    TSNode nameNode{}; // the declaration's key, or the property of the first write
    TSNode at{};       // the field_definition, or the first write's member_expression
    TSNode value{};    // a declaration's initializer (null: none, or a written field)
    bool declared = false;
    bool isPrivate() const { return PrivateName::isPrivate(name); }
};

// One `this.name` assignment target in an own instance method.
struct FieldWrite {
    std::string name;
    TSNode target{}; // the member_expression
};

struct ClassLayout {
    std::vector<LayoutField> fields;       // own instance fields: declared ones, then written ones
    size_t declaredCount = 0;              // fields[0..declaredCount) are the declared ones
    std::vector<LayoutField> staticFields; // declared static fields, source order
    std::vector<FieldWrite> writes;        // every write in own instance methods, source order
    std::set<std::string> accessors;       // own instance getter and setter names
    std::set<std::string> methods;         // own instance method names (not the constructor)

    const LayoutField* find(std::string_view name) const;
    // The fields that are this class's own below ancestors that have a public field or an
    // accessor named n exactly when `inherited(n)`.
    std::vector<const LayoutField*>
    ownFields(const std::function<bool(std::string_view)>& inherited) const;
};

// The layout of a class_declaration or class node (a class expression).
ClassLayout readClassLayout(const SyntaxTree& tree, TSNode classNode);

// The layout of an implicit class (a constructor function, constructor_function.h): the
// fields `bodies` write through `this`, in source order; `methods` are its method names.
ClassLayout readWrittenLayout(const SyntaxTree& tree, const std::vector<TSNode>& bodies,
                              std::set<std::string> methods);

// A member key's name as written (see the note above): identifiers and private names as
// they are, string keys without their quotes, a computed key's string literal
// (`["name"]() {}`), a well-known symbol's spelling (`[Symbol.iterator]` is `@@iterator`,
// the name VM::memberKey maps back to the symbol); empty for any other computed key.
std::string memberKeyName(const SyntaxTree& tree, TSNode key);

// `@@name` when `key` is a computed key `[Symbol.name]`, otherwise empty. Whether `name` is
// a well-known symbol the runtime knows is the runtime's question (VM::wellKnownSymbol).
std::string symbolKeySpelling(const SyntaxTree& tree, TSNode key);

// How a member name reads in messages and function names: `[Symbol.iterator]` for
// `@@iterator`, any other name as it is.
std::string displayMemberName(std::string_view name);

// Whether n starts a function or class whose `this` is not the enclosing method's.
bool hasOwnThis(TSNode n);

} // namespace molt
