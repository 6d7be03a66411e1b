// frame_plan.cpp — the differ's view of update points (frame_plan.h).
#include "dsu/source/frame_plan.h"

#include <cstring>
#include <set>
#include <vector>

namespace molt::dsu {
namespace {

struct Local {
    std::string name;
    // How a moved frame starts it when it is new (update_points.cpp does the same).
    enum class Start { Undefined, Literal, Evaluated, Closure } start = Start::Undefined;
};

struct Loop {
    std::string path, kind;
    std::vector<Local> locals; // declared before the loop header, in scope there
};

bool isLoop(TSNode n, std::string& kind) {
    const char* t = ts_node_type(n);
    if (!std::strcmp(t, "while_statement")) kind = "while";
    else if (!std::strcmp(t, "do_statement")) kind = "do-while";
    else if (!std::strcmp(t, "for_statement")) kind = "for";
    else if (!std::strcmp(t, "for_in_statement")) kind = "for-in/of";
    else return false;
    return true;
}

bool isFunction(TSNode n) {
    const char* t = ts_node_type(n);
    return std::strstr(t, "function") || !std::strcmp(t, "arrow_function") ||
           !std::strcmp(t, "method_definition") || !std::strcmp(t, "class");
}

void declarations(const SyntaxTree& tree, TSNode decl, std::vector<Local>& out) {
    const char* t = ts_node_type(decl);
    if (std::strcmp(t, "lexical_declaration") && std::strcmp(t, "variable_declaration")) return;
    for (TSNode d : namedChildren(decl)) {
        TSNode name = field(d, "name");
        if (ts_node_is_null(name) || std::strcmp(ts_node_type(name), "identifier")) continue;
        TSNode value = field(d, "value");
        const char* vt = ts_node_is_null(value) ? "" : ts_node_type(value);
        bool literal = !std::strcmp(vt, "number") || !std::strcmp(vt, "string") ||
                       !std::strcmp(vt, "true") || !std::strcmp(vt, "false") ||
                       !std::strcmp(vt, "null");
        bool isVar = !std::strcmp(t, "variable_declaration"); // var: hoisted, never evaluated
        Local::Start start = ts_node_is_null(value) || isVar ? Local::Start::Undefined
                             : literal                       ? Local::Start::Literal
                             : makesClosure(value)           ? Local::Start::Closure
                                                             : Local::Start::Evaluated;
        out.push_back({std::string(tree.text(name)), start});
    }
}

// Walks `n` (a statement list's owner) in source order; `scope` holds the locals declared
// so far in the enclosing blocks.
void walk(const SyntaxTree& tree, TSNode n, std::vector<Local> scope, std::vector<uint32_t>& path,
          std::vector<uint32_t>& siblings, std::vector<Loop>& out) {
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (isFunction(c)) continue;
        std::string kind;
        if (isLoop(c, kind)) {
            path.push_back(++siblings.back());
            std::vector<Local> inLoop = scope;
            TSNode init = field(c, "initializer");
            if (!ts_node_is_null(init)) declarations(tree, init, inLoop);
            Loop loop{"", kind, inLoop};
            for (uint32_t p : path)
                loop.path += (loop.path.empty() ? "" : ".") + std::to_string(p);
            out.push_back(loop);
            siblings.push_back(0);
            walk(tree, c, inLoop, path, siblings, out);
            siblings.pop_back();
            path.pop_back();
            continue;
        }
        declarations(tree, c, scope);
        walk(tree, c, scope, path, siblings, out); // blocks, if/else, try, labeled bodies
    }
}

std::vector<Loop> loopsOf(const SyntaxTree& tree, TSNode method) {
    std::vector<Local> params;
    TSNode ps = field(method, "parameters");
    if (!ts_node_is_null(ps))
        for (TSNode p : namedChildren(ps))
            if (!std::strcmp(ts_node_type(p), "identifier"))
                params.push_back({std::string(tree.text(p))});
    std::vector<uint32_t> path, siblings{0};
    std::vector<Loop> out;
    TSNode body = field(method, "body");
    if (!ts_node_is_null(body)) walk(tree, body, params, path, siblings, out);
    return out;
}

std::string shape(const std::vector<Loop>& loops) {
    std::string s;
    for (const Loop& l : loops)
        s += (s.empty() ? "" : ", ") + l.kind + " " + l.path;
    return s;
}

} // namespace

std::string framePlanReview(const SyntaxTree& oldTree, TSNode oldMethod,
                            const SyntaxTree& newTree, TSNode newMethod,
                            const std::string& className, const std::string& method) {
    std::vector<Loop> before = loopsOf(oldTree, oldMethod), after = loopsOf(newTree, newMethod);
    if (before.empty()) return "";
    if (shape(before) != shape(after))
        return "a running frame of " + className + "." + method +
               " cannot move to the new code: the loop structure changed (old: " + shape(before) +
               "; new: " + (after.empty() ? "no loop" : shape(after)) +
               "); the update waits for it to return. State a loop with dsu.mapFrame(\"" +
               className + "\", \"" + method + "\", { at: \"loop N\", locals: {...} })";
    std::string notes;
    for (size_t i = 0; i < after.size(); ++i) {
        std::set<std::string> was;
        for (const Local& l : before[i].locals)
            was.insert(l.name);
        std::string added, dropped;
        std::set<std::string> now;
        for (const Local& l : after[i].locals) {
            now.insert(l.name);
            if (!was.count(l.name))
                added += (added.empty() ? "" : ", ") + l.name +
                         (l.start == Local::Start::Literal ? " (its literal initializer)"
                          : l.start == Local::Start::Evaluated
                              ? " (its initializer, evaluated in the frame as it moves)"
                          : l.start == Local::Start::Closure
                              ? " (its initializer makes a closure: the update rolls back "
                                "unless dsu.mapFrame gives it)"
                              : " (undefined)");
        }
        for (const Local& l : before[i].locals)
            if (!now.count(l.name)) dropped += (dropped.empty() ? "" : ", ") + l.name;
        if (added.empty() && dropped.empty()) continue;
        notes += (notes.empty() ? "" : "; ") + std::string("at loop ") + after[i].path +
                 (added.empty() ? "" : ", new locals start as: " + added) +
                 (dropped.empty() ? "" : ", dropped: " + dropped);
    }
    if (notes.empty()) return "";
    return "a running frame of " + className + "." + method +
           " moves to the new code at a loop's back-edge, locals by name: " + notes +
           ". To give a local another start (a renamed one), use dsu.mapFrame(\"" + className +
           "\", \"" + method + "\", { at: \"loop N\", locals: { name: (old) => old.x } })";
}

} // namespace molt::dsu
