// builtins_console.cpp — the `console` namespace: node's util.formatWithOptions (printf-
// style %s %d %i %f %j %o %O %c %% in a leading string argument, the other arguments
// inspected and joined by spaces, top-level strings printed raw), plus the bookkeeping
// methods (group, count, time, assert, trace).
//
// console.log/info/debug/dir write to vm.writeOut, console.error/warn/trace to
// vm.writeErr, each call one string ending in "\n". Grouping indents every line of the
// output by two spaces per open group, as node does.
#include "runtime/lib/natives.h"

#include <cmath>
#include <unordered_map>

namespace molt {

namespace {

struct ConsoleState {
    std::string groupIndent;
    std::unordered_map<std::string, uint64_t> counts;
    std::unordered_map<std::string, double> timers;
};

ConsoleState& state(VM& vm) {
    // One console per VM; VMs are few and long-lived, so a small side table suffices.
    static thread_local std::unordered_map<VM*, ConsoleState> states;
    return states[&vm];
}

// node's hasBuiltInToString: false when the object brings its own toString.
bool hasBuiltInToString(VM& vm, Value v) {
    Obj* o = v.asObject();
    if (o->kind == ObjKind::Record) {
        Value own = vm.recordGet(static_cast<Record*>(o), vm.names.toString);
        return own.isEmpty() || !isCallableValue(own);
    }
    if (o->kind == ObjKind::Instance) {
        Value m = vm.lookupMethod(o->klass, vm.names.toString);
        return m.isEmpty() || isKind(m, ObjKind::Native);
    }
    return true;
}

// JSON.stringify for %j: a circular structure prints as [Circular].
bool tryStringify(VM& vm, Value v, std::string& out) {
    Value r = jsonStringify(vm, v, Value::undefined(), Value::undefined());
    if (r.isException()) {
        Value e = vm.takePendingException();
        Value message =
            isErrorInstance(vm, e) ? vm.getProperty(e, vm.names.message) : Value::undefined();
        if (isString(message) &&
            asString(message)->view().starts_with("Converting circular structure to JSON")) {
            out = "[Circular]";
            return true;
        }
        vm.throwValue(e);
        return false;
    }
    out = r.isUndefined() ? "undefined" : std::string(asString(r)->view());
    return true;
}

// util.formatWithOptions(args): false with an exception pending if a conversion threw.
bool formatArgs(VM& vm, Value* args, int argc, std::string& str) {
    std::vector<Value> values(args, args + argc); // stable copies: conversions may run hosted code
    InspectOptions defaults;
    int a = 0;
    std::string join;
    if (argc > 0 && isString(values[0])) {
        std::string_view first = asString(values[0])->view();
        if (argc == 1) {
            str = std::string(first);
            return true;
        }
        size_t lastPos = 0;
        for (size_t i = 0; i + 1 < first.size(); ++i) {
            if (first[i] != '%') continue;
            char next = first[++i];
            if (a + 1 != argc) {
                std::string temp;
                bool consumed = true;
                switch (next) {
                case 's': {
                    Value v = values[size_t(++a)];
                    if (v.isNumber()) {
                        temp = formatNumberForInspect(v.asNumber());
                    } else if (!v.isObject() || isString(v) || isCallableValue(v) ||
                               !hasBuiltInToString(vm, v)) {
                        Value s = toStringValue(vm, v);
                        if (s.isException()) return false;
                        temp = std::string(asString(s)->view());
                    } else {
                        InspectOptions o;
                        o.depth = 0;
                        temp = inspectWith(vm, v, o);
                    }
                    break;
                }
                case 'j':
                    if (!tryStringify(vm, values[size_t(++a)], temp)) return false;
                    break;
                case 'd': {
                    Value n = vm.toPrimitiveNumber(values[size_t(++a)]);
                    if (n.isException()) return false;
                    temp = formatNumberForInspect(n.asNumber());
                    break;
                }
                case 'O': temp = inspectWith(vm, values[size_t(++a)], defaults); break;
                case 'o': {
                    InspectOptions o;
                    o.showHidden = true;
                    o.depth = 4;
                    temp = inspectWith(vm, values[size_t(++a)], o);
                    break;
                }
                case 'i':
                case 'f': {
                    Value s = toStringValue(vm, values[size_t(++a)]);
                    if (s.isException()) return false;
                    std::string_view text = asString(s)->view();
                    double d = next == 'i' ? parseIntString(text, 0) : parseFloatString(text);
                    temp = formatNumberForInspect(d);
                    break;
                }
                case 'c': ++a; break;
                case '%':
                    str.append(first.substr(lastPos, i - lastPos));
                    lastPos = i + 1;
                    consumed = false;
                    break;
                default: consumed = false; break;
                }
                if (!consumed) continue;
                if (lastPos != i - 1) str.append(first.substr(lastPos, i - 1 - lastPos));
                str += temp;
                lastPos = i + 1;
            } else if (next == '%') {
                str.append(first.substr(lastPos, i - lastPos));
                lastPos = i + 1;
            }
        }
        if (lastPos != 0) {
            a++;
            join = " ";
            if (lastPos < first.size()) str.append(first.substr(lastPos));
        }
    }
    while (a < argc) {
        Value v = values[size_t(a)];
        str += join;
        if (isString(v))
            str += asString(v)->view();
        else
            str += vm.inspect(v);
        join = " ";
        a++;
    }
    return true;
}

void emit(VM& vm, std::string text, bool toErr) {
    const std::string& indent = state(vm).groupIndent;
    if (!indent.empty()) {
        std::string out = indent;
        for (char c : text) {
            out += c;
            if (c == '\n') out += indent;
        }
        text = std::move(out);
    }
    text += '\n';
    auto& sink = toErr ? vm.writeErr : vm.writeOut;
    if (sink) sink(text);
}

Value logTo(VM& vm, Value* args, int argc, bool toErr) {
    std::string text;
    if (!formatArgs(vm, args, argc, text)) return Value::exception();
    emit(vm, std::move(text), toErr);
    return Value::undefined();
}

Value consoleLog(VM& vm, Value, Value* args, int argc) {
    return logTo(vm, args, argc, false);
}
Value consoleError(VM& vm, Value, Value* args, int argc) {
    return logTo(vm, args, argc, true);
}

Value consoleDir(VM& vm, Value, Value* args, int argc) {
    emit(vm, vm.inspect(arg(args, argc, 0)), false);
    return Value::undefined();
}

Value consoleGroup(VM& vm, Value, Value* args, int argc) {
    if (argc > 0) {
        Value r = logTo(vm, args, argc, false);
        if (r.isException()) return r;
    }
    state(vm).groupIndent += "  ";
    return Value::undefined();
}

Value consoleGroupEnd(VM& vm, Value, Value*, int) {
    std::string& indent = state(vm).groupIndent;
    if (indent.size() >= 2) indent.resize(indent.size() - 2);
    return Value::undefined();
}

bool labelArg(VM& vm, Value* args, int argc, std::string& label) {
    Value v = arg(args, argc, 0);
    if (v.isUndefined()) {
        label = "default";
        return true;
    }
    Value s = toStringValue(vm, v);
    if (s.isException()) return false;
    label = std::string(asString(s)->view());
    return true;
}

Value consoleCount(VM& vm, Value, Value* args, int argc) {
    std::string label;
    if (!labelArg(vm, args, argc, label)) return Value::exception();
    uint64_t n = ++state(vm).counts[label];
    emit(vm, label + ": " + std::to_string(n), false);
    return Value::undefined();
}

Value consoleCountReset(VM& vm, Value, Value* args, int argc) {
    std::string label;
    if (!labelArg(vm, args, argc, label)) return Value::exception();
    state(vm).counts[label] = 0;
    return Value::undefined();
}

Value consoleTime(VM& vm, Value, Value* args, int argc) {
    std::string label;
    if (!labelArg(vm, args, argc, label)) return Value::exception();
    state(vm).timers[label] = vm.now();
    return Value::undefined();
}

// node's formatTime for durations under a second: "1.234ms" (trailing zeros dropped).
std::string formatElapsed(double ms) {
    if (ms >= 1000) return numberToFixed(ms / 1000, 3) + "s";
    return VM::numberToString(std::stod(numberToFixed(ms, 3))) + "ms";
}

Value timeReport(VM& vm, Value* args, int argc, bool end) {
    std::string label;
    if (!labelArg(vm, args, argc, label)) return Value::exception();
    auto& timers = state(vm).timers;
    auto it = timers.find(label);
    if (it == timers.end()) {
        emit(vm,
             "Warning: No such label '" + label + "' for console.time" + (end ? "End()" : "Log()"),
             true);
        return Value::undefined();
    }
    std::string text = label + ": " + formatElapsed(vm.now() - it->second);
    if (end) {
        timers.erase(it);
    } else if (argc > 1) {
        std::string rest;
        if (!formatArgs(vm, args + 1, argc - 1, rest)) return Value::exception();
        text += " " + rest;
    }
    emit(vm, text, false);
    return Value::undefined();
}

Value consoleTimeEnd(VM& vm, Value, Value* args, int argc) {
    return timeReport(vm, args, argc, true);
}
Value consoleTimeLog(VM& vm, Value, Value* args, int argc) {
    return timeReport(vm, args, argc, false);
}

Value consoleAssert(VM& vm, Value, Value* args, int argc) {
    if (argc > 0 && VM::truthy(args[0])) return Value::undefined();
    std::vector<Value> rest(args + std::min(argc, 1), args + argc);
    Root prefix(vm.heap);
    if (!rest.empty() && isString(rest[0])) {
        prefix.value = vm.str("Assertion failed: " + std::string(asString(rest[0])->view()));
        rest[0] = prefix.value;
    } else {
        prefix.value = vm.str("Assertion failed");
        rest.insert(rest.begin(), prefix.value);
    }
    return logTo(vm, rest.data(), int(rest.size()), true);
}

Value consoleTrace(VM& vm, Value, Value* args, int argc) {
    std::string text;
    if (!formatArgs(vm, args, argc, text)) return Value::exception();
    text = "Trace" + (text.empty() ? std::string() : ": " + text);
    std::string trace = VM::formatStackTrace(vm.captureStack());
    if (!trace.empty()) text += "\n" + trace.substr(0, trace.size() - 1);
    emit(vm, text, true);
    return Value::undefined();
}

} // namespace

void installConsoleBuiltins(VM& vm) {
    Class* c = newNamespace(vm, "console");
    Root keep(vm.heap, Value::object(c));
    vm.defineStaticMethod(c, "log", consoleLog, 0);
    vm.defineStaticMethod(c, "info", consoleLog, 0);
    vm.defineStaticMethod(c, "debug", consoleLog, 0);
    vm.defineStaticMethod(c, "error", consoleError, 0);
    vm.defineStaticMethod(c, "warn", consoleError, 0);
    vm.defineStaticMethod(c, "dir", consoleDir, 1);
    vm.defineStaticMethod(c, "group", consoleGroup, 0);
    vm.defineStaticMethod(c, "groupCollapsed", consoleGroup, 0);
    vm.defineStaticMethod(c, "groupEnd", consoleGroupEnd, 0);
    vm.defineStaticMethod(c, "count", consoleCount, 0);
    vm.defineStaticMethod(c, "countReset", consoleCountReset, 0);
    vm.defineStaticMethod(c, "time", consoleTime, 0);
    vm.defineStaticMethod(c, "timeEnd", consoleTimeEnd, 0);
    vm.defineStaticMethod(c, "timeLog", consoleTimeLog, 0);
    vm.defineStaticMethod(c, "assert", consoleAssert, 0);
    vm.defineStaticMethod(c, "trace", consoleTrace, 0);
    vm.defineGlobal("console", Value::object(c));
}

} // namespace molt
