#include "editor/definitions.h"

#include "editor/constants.h"
#include "editor/syntaxquery.h"
#include "runtime/syntax/syntax.h"

#include <algorithm>
#include <set>

namespace molt::editor::Internal {

namespace {

const SyntaxQuery& tagsQuery() {
    static const auto q = SyntaxQuery::fromResource(QString::fromLatin1(kTagsQuery));
    return *q;
}

const SyntaxQuery& fieldsQuery() {
    static const auto q = SyntaxQuery::fromResource(QString::fromLatin1(kFieldsQuery));
    return *q;
}

// What each tags.scm capture is, by capture id, decided once (not a QString per match).
enum class TagCapture { Other, Name, Class, Method, Function, OtherDefinition };

const std::vector<TagCapture>& tagCaptures() {
    static const std::vector<TagCapture> kinds = [] {
        const SyntaxQuery& tags = tagsQuery();
        std::vector<TagCapture> out;
        for (uint32_t i = 0; i < tags.captureCount(); ++i) {
            QString c = tags.captureName(i);
            out.push_back(c == QLatin1String("name")                   ? TagCapture::Name
                          : c == QLatin1String("definition.class")     ? TagCapture::Class
                          : c == QLatin1String("definition.method")    ? TagCapture::Method
                          : c == QLatin1String("definition.function")  ? TagCapture::Function
                          : c.startsWith(QLatin1String("definition.")) ? TagCapture::OtherDefinition
                                                                       : TagCapture::Other);
        }
        return out;
    }();
    return kinds;
}

// By fields.scm capture id: whether it is a declared field (`@field.declared`).
const std::vector<bool>& declaredFieldCaptures() {
    static const std::vector<bool> declared = [] {
        const SyntaxQuery& fields = fieldsQuery();
        std::vector<bool> out;
        for (uint32_t i = 0; i < fields.captureCount(); ++i)
            out.push_back(fields.captureName(i) == QLatin1String("field.declared"));
        return out;
    }();
    return declared;
}

bool isClass(TSNode n) {
    return is(n, "class_declaration") || is(n, "class");
}

bool isFunctionScope(TSNode n) {
    return is(n, "function_declaration") || is(n, "function_expression") ||
           is(n, "generator_function") || is(n, "generator_function_declaration") ||
           is(n, "arrow_function") || is(n, "method_definition");
}

std::string className(TSNode cls, std::string_view text) {
    return std::string(nodeText(field(cls, "name"), text));
}

// The class a method or field definition belongs to (its class body's owner).
TSNode enclosingClass(TSNode n) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
        if (isClass(p)) return p;
    return TSNode{};
}

bool insideScope(TSNode n) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
        if (isFunctionScope(p) || isClass(p)) return true;
    return false;
}

// For `this.f = ...`: the method whose `this` it is, or null when a `function` rebinds it.
TSNode methodOfThis(TSNode n) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        if (is(p, "method_definition")) return p;
        if (is(p, "field_definition")) return p; // `f = () => { this.g = 1 }`
        if (isFunctionScope(p) && !is(p, "arrow_function")) return TSNode{};
        if (isClass(p)) return TSNode{};
    }
    return TSNode{};
}

} // namespace

std::string superclassName(TSNode cls, std::string_view text) {
    for (TSNode child : namedChildren(cls)) {
        if (!is(child, "class_heritage")) continue;
        TSNode base = ts_node_named_child(child, 0);
        if (is(base, "identifier")) return std::string(nodeText(base, text));
        if (is(base, "member_expression"))
            return std::string(nodeText(field(base, "property"), text));
    }
    return {};
}

std::vector<Definition> extractDefinitions(TSNode root, std::string_view text) {
    std::vector<Definition> out;
    const SyntaxQuery& tags = tagsQuery();
    const uint32_t end = ts_node_end_byte(root);
    const std::vector<TagCapture>& kinds = tagCaptures();
    tags.forEachMatch(root, text, 0, end, [&](const TSQueryMatch& m) {
        TSNode name{}, def{};
        TagCapture defCapture = TagCapture::Other;
        for (uint16_t i = 0; i < m.capture_count; ++i) {
            TagCapture c = kinds[m.captures[i].index];
            if (c == TagCapture::Name) {
                name = m.captures[i].node;
            } else if (c != TagCapture::Other) {
                def = m.captures[i].node;
                defCapture = c;
            }
        }
        if (ts_node_is_null(name) || ts_node_is_null(def)) return;
        Definition d;
        if (defCapture == TagCapture::Class)
            d.kind = SymbolKind::Class;
        else if (defCapture == TagCapture::Method)
            d.kind = SymbolKind::Method;
        else if (defCapture == TagCapture::Function)
            d.kind = SymbolKind::Function;
        else
            return; // constants and references are not definitions the editor navigates to
        d.name = std::string(nodeText(name, text));
        d.row = ts_node_start_point(name).row;
        d.startByte = ts_node_start_byte(name);
        if (d.kind == SymbolKind::Class) {
            d.classStart = ts_node_start_byte(def);
            d.superclass = superclassName(def, text);
        }
        if (d.kind == SymbolKind::Method) {
            TSNode cls = enclosingClass(def);
            if (ts_node_is_null(cls)) return;
            d.container = className(cls, text);
            d.classStart = ts_node_start_byte(cls);
            d.isStatic = hasChildToken(def, "static");
            d.isAccessor = hasChildToken(def, "get") || hasChildToken(def, "set");
        }
        d.topLevel = !insideScope(def);
        if (!d.name.empty()) out.push_back(std::move(d));
    });

    const SyntaxQuery& fields = fieldsQuery();
    std::set<std::pair<uint32_t, std::string>> seen; // (class start, field)
    const std::vector<bool>& declaredCapture = declaredFieldCaptures();
    fields.forEachMatch(root, text, 0, end, [&](const TSQueryMatch& m) {
        for (uint16_t i = 0; i < m.capture_count; ++i) {
            TSNode prop = m.captures[i].node;
            bool declared = declaredCapture[m.captures[i].index];
            TSNode owner = declared ? ts_node_parent(prop) : methodOfThis(prop);
            if (ts_node_is_null(owner)) continue;
            TSNode cls = enclosingClass(owner);
            if (ts_node_is_null(cls)) continue;
            Definition d;
            d.kind = SymbolKind::Field;
            d.name = std::string(nodeText(prop, text));
            d.container = className(cls, text);
            d.classStart = ts_node_start_byte(cls);
            d.row = ts_node_start_point(prop).row;
            d.startByte = ts_node_start_byte(prop);
            // A static field, or an assignment in a static method, is a class-side field.
            d.isStatic = hasChildToken(owner, "static");
            if (d.name.empty() || !seen.insert({d.classStart, d.name}).second) continue;
            out.push_back(std::move(d));
        }
    });
    std::stable_sort(out.begin(), out.end(), [](const Definition& a, const Definition& b) {
        return a.startByte < b.startByte;
    });
    return out;
}

} // namespace molt::editor::Internal
