#include "app/ide/refactorcontext.h"

#include "runtime/syntax/syntax.h"

#include <algorithm>
#include <memory>

namespace molt::ide {

namespace {

bool contains(const std::vector<OutlineMember>& list, const std::string& name) {
    return std::any_of(list.begin(), list.end(),
                       [&](const OutlineMember& m) { return m.name == name; });
}

void addMember(std::vector<OutlineMember>& list, const std::string& name, bool isStatic,
               bool mayHoldObject = false) {
    if (name.empty()) return;
    for (OutlineMember& m : list)
        if (m.name == name) {
            m.mayHoldObject |= mayHoldObject;
            return;
        }
    list.push_back({name, isStatic, mayHoldObject});
}

// Whether a value assigned to a field may be an instance of a class: `new C(...)`, or
// what a name, call or member read gives. Literals, templates, operators, arrays, records
// and functions never are.
bool mayBeObject(TSNode value) {
    if (ts_node_is_null(value)) return false;
    if (is(value, "parenthesized_expression") && ts_node_named_child_count(value) > 0)
        return mayBeObject(ts_node_named_child(value, 0));
    return is(value, "new_expression") || is(value, "identifier") || is(value, "call_expression") ||
           is(value, "member_expression") || is(value, "subscript_expression") ||
           is(value, "ternary_expression") || is(value, "await_expression");
}

bool isClassNode(TSNode n) {
    return is(n, "class_declaration") || is(n, "class");
}

// Fields assigned as `this.f = ...` inside `n` (not inside nested classes).
void collectThisAssignments(const SyntaxTree& tree, TSNode n, ClassOutline& c) {
    if (isClassNode(n)) return;
    if (is(n, "assignment_expression") || is(n, "augmented_assignment_expression")) {
        TSNode left = field(n, "left");
        if (is(left, "member_expression") && is(field(left, "object"), "this"))
            addMember(c.fields, std::string(tree.text(field(left, "property"))), false,
                      is(n, "assignment_expression") && mayBeObject(field(n, "right")));
    }
    for (TSNode child : namedChildren(n))
        collectThisAssignments(tree, child, c);
}

void outlineClass(const SyntaxTree& tree, TSNode n, const std::string& module,
                  ProgramOutline& out) {
    ClassOutline c;
    c.name = std::string(tree.text(field(n, "name")));
    c.module = module;
    for (TSNode child : namedChildren(n))
        if (is(child, "class_heritage") && ts_node_named_child_count(child) > 0)
            c.superclass = std::string(tree.text(ts_node_named_child(child, 0)));
    TSNode body = field(n, "body");
    std::vector<TSNode> methods;
    for (TSNode m : namedChildren(body)) {
        bool isStatic = hasChildToken(m, "static");
        if (is(m, "field_definition")) {
            addMember(c.fields, std::string(tree.text(field(m, "property"))), isStatic,
                      mayBeObject(field(m, "value")));
        } else if (is(m, "method_definition")) {
            std::string name(tree.text(field(m, "name")));
            if (name != "constructor") addMember(c.methods, name, isStatic);
            methods.push_back(m);
        }
    }
    for (TSNode m : methods)
        if (!hasChildToken(m, "static")) collectThisAssignments(tree, field(m, "body"), c);
    if (!c.name.empty()) out.classes.push_back(std::move(c));
}

void outlineNode(const SyntaxTree& tree, TSNode n, const std::string& module, ProgramOutline& out) {
    if (isClassNode(n)) outlineClass(tree, n, module, out);
    for (TSNode child : namedChildren(n))
        outlineNode(tree, child, module, out);
}

TSNode enclosingClass(TSNode n) {
    for (; !ts_node_is_null(n); n = ts_node_parent(n))
        if (isClassNode(n)) return n;
    return n;
}

bool isNameLike(TSNode n) {
    return is(n, "identifier") || is(n, "property_identifier") ||
           is(n, "private_property_identifier");
}

// The name node under the cursor: at `position`, or just before it (the caret after a word).
TSNode nameAt(TSNode root, uint32_t position) {
    TSNode n = ts_node_named_descendant_for_byte_range(root, position, position);
    if (isNameLike(n)) return n;
    if (position > 0) {
        TSNode before = ts_node_named_descendant_for_byte_range(root, position - 1, position - 1);
        if (isNameLike(before)) return before;
    }
    return n;
}

} // namespace

bool ClassOutline::hasField(const std::string& n) const {
    return contains(fields, n);
}
bool ClassOutline::hasMethod(const std::string& n) const {
    return contains(methods, n);
}

const ClassOutline* ProgramOutline::find(const std::string& name) const {
    for (const ClassOutline& c : classes)
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<const ClassOutline*> ProgramOutline::subclassesOf(const std::string& name) const {
    std::vector<const ClassOutline*> out;
    for (const ClassOutline& c : classes)
        if (c.superclass == name) out.push_back(&c);
    return out;
}

ProgramOutline outlineProgram(const std::vector<dsu::SourceFile>& files) {
    ProgramOutline out;
    for (const dsu::SourceFile& f : files) {
        auto tree = SyntaxTree::parse(f.text, f.path);
        outlineNode(*tree, tree->root(), f.path, out);
    }
    return out;
}

RefactorTarget refactorTargetAt(const ProgramOutline& program, const std::string& path,
                                const std::string& text, uint32_t position, uint32_t selStart,
                                uint32_t selEnd) {
    RefactorTarget t;
    auto tree = SyntaxTree::parse(text, path);
    position = std::min<uint32_t>(position, uint32_t(text.size()));
    TSNode n = nameAt(tree->root(), position);
    TSNode cls = enclosingClass(n);
    if (!ts_node_is_null(cls)) {
        TSNode body = field(cls, "body");
        if (ts_node_start_byte(body) < position && position < ts_node_end_byte(body))
            t.enclosingClass = std::string(tree->text(field(cls, "name")));
    }
    const ClassOutline* enclosing = program.find(t.enclosingClass);
    if (enclosing && selEnd > selStart) {
        for (TSNode m : namedChildren(field(cls, "body"))) {
            TSNode name = is(m, "field_definition") ? field(m, "property") : field(m, "name");
            if (ts_node_is_null(name) || ts_node_start_byte(name) < selStart ||
                ts_node_end_byte(name) > selEnd)
                continue;
            std::string member(tree->text(name));
            if (is(m, "field_definition"))
                t.selectedFields.push_back(member);
            else if (is(m, "method_definition") && member != "constructor")
                t.selectedMethods.push_back(member);
        }
    }
    if (!isNameLike(n)) return t;
    std::string word(tree->text(n));
    TSNode parent = ts_node_parent(n);
    auto setMember = [&](RefactorTarget::Symbol symbol, const std::string& owner, bool isStatic) {
        t.symbol = symbol;
        t.className = owner;
        t.member = word;
        t.isStatic = isStatic;
    };
    if (is(n, "identifier")) {
        if (program.find(word)) {
            t.symbol = RefactorTarget::Symbol::Class;
            t.className = word;
        }
        return t;
    }
    if (is(parent, "field_definition") && enclosing) {
        setMember(RefactorTarget::Symbol::Field, enclosing->name, hasChildToken(parent, "static"));
    } else if (is(parent, "method_definition") && enclosing) {
        if (word != "constructor")
            setMember(RefactorTarget::Symbol::Method, enclosing->name,
                      hasChildToken(parent, "static"));
    } else if (is(parent, "member_expression")) {
        TSNode object = field(parent, "object");
        TSNode call = ts_node_parent(parent);
        bool called = is(call, "call_expression") && ts_node_eq(field(call, "function"), parent);
        const ClassOutline* owner = nullptr;
        bool isStatic = false;
        if (is(object, "this")) {
            owner = enclosing;
        } else if (is(object, "identifier")) {
            owner = program.find(std::string(tree->text(object)));
            isStatic = true;
        }
        // A member named in the class or one of its superclasses belongs there.
        for (const ClassOutline* c = owner; c; c = program.find(c->superclass)) {
            if (c->hasMethod(word) || (called && !c->hasField(word))) {
                setMember(RefactorTarget::Symbol::Method, c->name, isStatic);
                break;
            }
            if (c->hasField(word)) {
                setMember(RefactorTarget::Symbol::Field, c->name, isStatic);
                break;
            }
            if (c->superclass.empty() || !program.find(c->superclass)) {
                setMember(called ? RefactorTarget::Symbol::Method : RefactorTarget::Symbol::Field,
                          owner->name, isStatic);
                break;
            }
        }
    }
    if (t.symbol == RefactorTarget::Symbol::Field && !t.isStatic) {
        // A field declared static is static wherever it is named.
        for (const ClassOutline& c : program.classes)
            for (const OutlineMember& f : c.fields)
                if (c.name == t.className && f.name == t.member) t.isStatic = f.isStatic;
    }
    return t;
}

bool refactoringApplies(const std::string& kind, const RefactorTarget& t,
                        const ProgramOutline& program) {
    using Symbol = RefactorTarget::Symbol;
    const ClassOutline* c = program.find(t.className);
    bool hasSuper = c && program.find(c->superclass);
    bool hasSubclasses = c && !program.subclassesOf(c->name).empty();
    if (t.symbol == Symbol::Class) {
        if (kind == "rename-class" || kind == "change-superclass" || kind == "extract-superclass" ||
            kind == "split-class")
            return true;
        if (kind == "inline-superclass") return hasSubclasses;
    }
    if (t.symbol == Symbol::Field) {
        if (kind == "rename-field" || kind == "remove-field") return true;
        if (kind == "make-static") return !t.isStatic;
        if (kind == "make-instance") return t.isStatic;
        if (kind == "push-up-field") return hasSuper;
        if (kind == "pull-down-field") return hasSubclasses;
        if (kind == "merge-class") {
            // Only a field that may hold an instance has a class to merge.
            const ClassOutline* owner = program.find(t.className);
            bool holds = false;
            if (owner)
                for (const OutlineMember& f : owner->fields)
                    if (f.name == t.member) holds = f.mayHoldObject;
            return !t.isStatic && holds;
        }
    }
    if (t.symbol == Symbol::Method) {
        if (kind == "rename-method") return true;
        if (kind == "push-up-method") return hasSuper;
        if (kind == "pull-down-method") return hasSubclasses;
    }
    if (kind == "add-field") return !t.enclosingClass.empty() || t.symbol == Symbol::Class;
    return false;
}

} // namespace molt::ide
