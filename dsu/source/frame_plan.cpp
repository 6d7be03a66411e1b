// frame_plan.cpp — the differ's view of update points (frame_plan.h).
#include "dsu/source/frame_plan.h"

#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <vector>

namespace molt::dsu {
namespace {

struct Local {
    std::string name;
    // How a moved frame starts it when it is new (update_points.cpp does the same).
    enum class Start { Undefined, Literal, Evaluated, Closure } start = Start::Undefined;
};

// An update point: a loop header, or the return of a call that is a whole statement
// (`this.step();`: FunctionProto::callPoints), named as the report and dsu.mapFrame name it.
struct Point {
    std::string path, kind; // kind "call" for a call return point
    std::string call;       // a call's callee text and ordinal on its path: "this.step#1"
    std::vector<Local> locals; // declared before the point, in scope there
    std::string name() const {
        if (call.empty()) return "loop " + path;
        size_t hash = call.rfind('#');
        std::string ordinal = call.substr(hash + 1);
        return "call " + call.substr(0, hash) + "()" + (ordinal == "1" ? "" : " #" + ordinal) +
               (path.empty() ? "" : " in loop " + path);
    }
};

struct Points {
    std::vector<Point> loops, calls;
    std::map<std::string, uint32_t> ordinals; // "path|callee" -> calls so far
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

// A call the compiler makes a call return point of: a whole expression statement, not an
// optional call (its return is no single place) and not `super(...)`.
bool isCallPoint(TSNode statement, TSNode& call) {
    if (std::strcmp(ts_node_type(statement), "expression_statement")) return false;
    if (ts_node_named_child_count(statement) == 0) return false;
    call = ts_node_named_child(statement, 0);
    if (std::strcmp(ts_node_type(call), "call_expression")) return false;
    TSNode callee = field(call, "function");
    if (ts_node_is_null(callee) || !ts_node_is_null(field(call, "optional_chain")) ||
        !std::strcmp(ts_node_type(callee), "super"))
        return false;
    for (TSNode n = callee; !ts_node_is_null(n);) { // a?.b.c(): the chain's jumps follow
        if (!ts_node_is_null(field(n, "optional_chain"))) return false;
        TSNode inner = field(n, "object");
        if (ts_node_is_null(inner)) inner = field(n, "function");
        n = inner;
    }
    return true;
}

std::string pathOf(const std::vector<uint32_t>& path) {
    std::string s;
    for (uint32_t p : path)
        s += (s.empty() ? "" : ".") + std::to_string(p);
    return s;
}

// Walks `n` (a statement list's owner) in source order; `scope` holds the locals declared
// so far in the enclosing blocks. Points inside a switch or finally block are left out:
// hidden state is live there, so no frame moves at them.
void walk(const SyntaxTree& tree, TSNode n, std::vector<Local> scope, std::vector<uint32_t>& path,
          std::vector<uint32_t>& siblings, Points& out, bool hidden = false) {
    uint32_t count = ts_node_named_child_count(n);
    bool forLoop = !std::strcmp(ts_node_type(n), "for_statement");
    for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (isFunction(c)) continue;
        if (forLoop && ts_node_eq(c, field(n, "condition"))) continue; // an expression
        std::string kind;
        if (isLoop(c, kind)) {
            path.push_back(++siblings.back());
            std::vector<Local> inLoop = scope;
            TSNode init = field(c, "initializer");
            if (!ts_node_is_null(init)) declarations(tree, init, inLoop);
            if (!hidden) out.loops.push_back({pathOf(path), kind, "", inLoop});
            siblings.push_back(0);
            walk(tree, c, inLoop, path, siblings, out, hidden);
            siblings.pop_back();
            path.pop_back();
            continue;
        }
        TSNode call;
        if (isCallPoint(c, call)) {
            std::string callee(tree.text(field(call, "function")));
            uint32_t ordinal = ++out.ordinals[pathOf(path) + "|" + callee];
            if (!hidden)
                out.calls.push_back({pathOf(path), "call", callee + "#" + std::to_string(ordinal), scope});
        }
        declarations(tree, c, scope);
        const char* t = ts_node_type(c);
        bool hides = !std::strcmp(t, "switch_body") || !std::strcmp(t, "finally_clause");
        walk(tree, c, scope, path, siblings, out, hidden || hides); // blocks, if/else, try, labels
    }
}

Points pointsOf(const SyntaxTree& tree, TSNode method) {
    std::vector<Local> params;
    TSNode ps = field(method, "parameters");
    if (!ts_node_is_null(ps))
        for (TSNode p : namedChildren(ps))
            if (!std::strcmp(ts_node_type(p), "identifier"))
                params.push_back({std::string(tree.text(p))});
    std::vector<uint32_t> path, siblings{0};
    Points out;
    TSNode body = field(method, "body");
    if (!ts_node_is_null(body)) walk(tree, body, params, path, siblings, out);
    return out;
}

std::string shape(const std::vector<Point>& loops) {
    std::string s;
    for (const Point& l : loops)
        s += (s.empty() ? "" : ", ") + l.kind + " " + l.path;
    return s;
}


// How a moved frame's locals start at `to` when it comes from `from`: "new locals start
// as: ..., dropped: ..." ("" when every local is kept).
std::string localsNote(const Point& from, const Point& to) {
    std::set<std::string> was, now;
    for (const Local& l : from.locals)
        was.insert(l.name);
    std::string added, dropped;
    for (const Local& l : to.locals) {
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
    for (const Local& l : from.locals)
        if (!now.count(l.name)) dropped += (dropped.empty() ? "" : ", ") + l.name;
    std::string note = added.empty() ? "" : "new locals start as: " + added;
    if (!dropped.empty()) note += (note.empty() ? "" : ", ") + std::string("dropped: ") + dropped;
    return note;
}

// "a", "a and b", "a, b and c".
std::string listed(const std::vector<std::string>& items) {
    std::string s;
    for (size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
}

} // namespace

std::string framePlanReview(const SyntaxTree& oldTree, TSNode oldMethod,
                            const SyntaxTree& newTree, TSNode newMethod,
                            const std::string& className, const std::string& method) {
    Points before = pointsOf(oldTree, oldMethod), after = pointsOf(newTree, newMethod);
    if (before.loops.empty() && before.calls.empty()) return "";
    std::string frame = "a running frame of " + className + "." + method;
    std::string mapFrame = "dsu.mapFrame(\"" + className + "\", \"" + method + "\", { at: ";
    // The call return points of both versions (same callee text, loop path and ordinal).
    std::vector<std::pair<const Point*, const Point*>> calls;
    std::vector<std::string> lost;
    for (const Point& c : before.calls) {
        const Point* match = nullptr;
        for (const Point& d : after.calls)
            if (d.path == c.path && d.call == c.call) match = &d;
        if (match) calls.emplace_back(&c, match);
        else lost.push_back(c.name());
    }
    if (shape(before.loops) != shape(after.loops)) {
        std::string text = frame + " cannot move to the new code at a loop or a call return: the "
                           "loop structure changed (old: " +
                           shape(before.loops) +
                           "; new: " + (after.loops.empty() ? "no loop" : shape(after.loops)) +
                           "); the update waits for it to return. State a loop with " + mapFrame +
                           "\"loop N\", locals: {...} })";
        // A call of hosted code makes the better example: a frame waiting in a native call
        // (Thread.sleep) is its thread's top frame, which moves only at back-edges.
        const Point* example = nullptr;
        std::vector<std::string> names;
        for (auto& [from, to] : calls) {
            names.push_back(to->name());
            bool global = std::isupper(uint8_t(to->call[0]));
            if (!example || (std::isupper(uint8_t(example->call[0])) && !global)) example = to;
        }
        if (example)
            text += ", or a call return point of both versions (" + listed(names) + ") with " +
                    mapFrame + "\"" + example->name() + "\", locals: {...} })";
        return text;
    }
    // The points, grouped by what their locals do, in source order: loops, then calls.
    std::vector<std::pair<std::string, std::vector<std::string>>> groups; // note -> points
    auto add = [&](const std::string& point, const std::string& note) {
        if (note.empty()) return;
        for (auto& g : groups)
            if (g.first == note) {
                g.second.push_back(point);
                return;
            }
        groups.push_back({note, {point}});
    };
    for (size_t i = 0; i < after.loops.size(); ++i)
        add("at " + after.loops[i].name(), localsNote(before.loops[i], after.loops[i]));
    for (auto& [from, to] : calls)
        add("at the return of " + to->name(), localsNote(*from, *to));
    if (groups.empty() && lost.empty()) return "";
    std::string text;
    if (!groups.empty()) {
        text += frame + " moves to the new code at a loop's back-edge or, waiting in a call that is a "
                "whole statement, when that call returns; locals by name: ";
        for (size_t i = 0; i < groups.size(); ++i)
            text += (i ? "; " : "") + listed(groups[i].second) + ", " + groups[i].first;
        text += ".";
    }
    if (!lost.empty())
        text += std::string(groups.empty() ? "" : " ") + (groups.empty() ? "a" : "A") +
                " running frame of " + className + "." + method + " waiting in " + listed(lost) +
                " cannot move when the call returns (the new version lacks " +
                (lost.size() == 1 ? "that call" : "those calls") +
                "): the update waits for it to return, or to reach a loop's back-edge.";
    std::string example = !groups.empty() ? groups.front().second.front() : "";
    std::string at = example.rfind("at the return of ", 0) == 0 ? example.substr(17)
                     : example.rfind("at ", 0) == 0            ? example.substr(3)
                                                               : "loop N";
    if (!groups.empty())
        text += " To give a local another start (a renamed one), use " + mapFrame + "\"" + at +
                "\", locals: { name: (old) => old.x } })";
    return text;
}

} // namespace molt::dsu
