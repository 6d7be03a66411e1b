#include "runtime/syntax/class_layout.h"

#include "runtime/core/private_name.h"

#include <algorithm>

namespace molt {

namespace {

TSNode unparenthesized(TSNode n) {
    while (is(n, "parenthesized_expression")) {
        std::vector<TSNode> cs = namedChildren(n);
        if (cs.size() != 1) break;
        n = cs[0];
    }
    return n;
}

// Collects the `this.name` members an assignment target writes, in source order.
class WriteCollector {
public:
    WriteCollector(const SyntaxTree& tree, std::vector<FieldWrite>& out) : tree_(tree), out_(out) {}

    void body(TSNode n) {
        if (ts_node_is_null(n) || hasOwnThis(n)) return;
        if (is(n, "assignment_expression") || is(n, "augmented_assignment_expression"))
            target(field(n, "left"));
        else if (is(n, "update_expression"))
            target(field(n, "argument"));
        else if (is(n, "for_in_statement") && ts_node_is_null(field(n, "kind")))
            target(field(n, "left"));
        for (TSNode c : namedChildren(n))
            body(c);
    }

private:
    // A target, or a destructuring pattern of targets.
    void target(TSNode t) {
        t = unparenthesized(t);
        if (is(t, "member_expression")) {
            if (is(field(t, "object"), "this"))
                out_.push_back({std::string(tree_.text(field(t, "property"))), t});
        } else if (is(t, "array_pattern")) {
            for (TSNode c : namedChildren(t))
                target(c);
        } else if (is(t, "object_pattern")) {
            for (TSNode c : namedChildren(t))
                if (is(c, "pair_pattern"))
                    target(field(c, "value"));
                else
                    target(c);
        } else if (is(t, "assignment_pattern") || is(t, "object_assignment_pattern")) {
            target(field(t, "left"));
        } else if (is(t, "rest_pattern")) {
            std::vector<TSNode> cs = namedChildren(t);
            if (!cs.empty()) target(cs[0]);
        }
    }

    const SyntaxTree& tree_;
    std::vector<FieldWrite>& out_;
};

} // namespace

bool hasOwnThis(TSNode n) {
    return is(n, "function_expression") || is(n, "function_declaration") || is(n, "function") ||
           is(n, "generator_function") || is(n, "generator_function_declaration") ||
           is(n, "class") || is(n, "class_declaration") || is(n, "method_definition");
}

std::string symbolKeySpelling(const SyntaxTree& tree, TSNode key) {
    if (!is(key, "computed_property_name")) return {};
    std::vector<TSNode> cs = namedChildren(key);
    if (cs.size() != 1 || !is(cs[0], "member_expression")) return {};
    TSNode object = field(cs[0], "object"), property = field(cs[0], "property");
    if (!is(object, "identifier") || tree.text(object) != "Symbol" ||
        !is(property, "property_identifier"))
        return {};
    return "@@" + std::string(tree.text(property));
}

std::string displayMemberName(std::string_view name) {
    if (name.size() > 2 && name.substr(0, 2) == "@@")
        return "[Symbol." + std::string(name.substr(2)) + "]";
    return std::string(name);
}

std::string memberKeyName(const SyntaxTree& tree, TSNode key) {
    if (std::string spelling = symbolKeySpelling(tree, key); !spelling.empty()) return spelling;
    if (is(key, "computed_property_name")) {
        // Only a constant key is known without running the program: a string literal.
        std::vector<TSNode> cs = namedChildren(key);
        if (cs.size() != 1 || !is(cs[0], "string")) return {};
        key = cs[0];
    }
    std::string text(tree.text(key));
    if (is(key, "string") && text.size() >= 2) return text.substr(1, text.size() - 2);
    return text;
}

const LayoutField* ClassLayout::find(std::string_view name) const {
    for (const LayoutField& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<const LayoutField*>
ClassLayout::ownFields(const std::function<bool(std::string_view)>& inherited) const {
    std::vector<const LayoutField*> out;
    for (const LayoutField& f : fields)
        if (f.declared || !inherited(f.name)) out.push_back(&f);
    return out;
}

// The fields the writes add: each name once, in the order of its first write, unless it is
// private, an own accessor or already declared.
static void addWrittenFields(ClassLayout& layout) {
    for (const FieldWrite& w : layout.writes) {
        if (PrivateName::isPrivate(w.name) || layout.accessors.count(w.name) || layout.find(w.name))
            continue;
        layout.fields.push_back({w.name, field(w.target, "property"), w.target, {}, false});
    }
}

ClassLayout readClassLayout(const SyntaxTree& tree, TSNode classNode) {
    ClassLayout layout;
    std::vector<TSNode> members = namedChildren(field(classNode, "body"));
    for (TSNode m : members) {
        bool isStatic = hasChildToken(m, "static");
        if (is(m, "method_definition")) {
            std::string name = memberKeyName(tree, field(m, "name"));
            if (name.empty() || isStatic) continue;
            if (hasChildToken(m, "get") || hasChildToken(m, "set"))
                layout.accessors.insert(name);
            else if (name != "constructor")
                layout.methods.insert(name);
        } else if (is(m, "field_definition")) {
            TSNode key = field(m, "property");
            std::string name = memberKeyName(tree, key);
            if (name.empty()) continue;
            LayoutField f{name, key, m, field(m, "value"), true};
            std::vector<LayoutField>& list = isStatic ? layout.staticFields : layout.fields;
            bool seen = std::any_of(list.begin(), list.end(),
                                    [&](const LayoutField& g) { return g.name == name; });
            if (!seen) list.push_back(std::move(f));
        }
    }
    layout.declaredCount = layout.fields.size();

    WriteCollector collect(tree, layout.writes);
    for (TSNode m : members)
        if (is(m, "method_definition") && !hasChildToken(m, "static"))
            collect.body(field(m, "body"));
    addWrittenFields(layout);
    return layout;
}

ClassLayout readWrittenLayout(const SyntaxTree& tree, const std::vector<TSNode>& bodies,
                              std::set<std::string> methods) {
    ClassLayout layout;
    layout.methods = std::move(methods);
    WriteCollector collect(tree, layout.writes);
    for (TSNode b : bodies)
        collect.body(b);
    addWrittenFields(layout);
    return layout;
}

} // namespace molt
