// update_points.cpp — on-stack replacement of a blocking frame at a mapped update point
// (docs/dsu.md "Update points", decision 0014).
//
// The compiler lists each function's loop headers (FunctionProto::updatePoints): a frame
// that arrives there by the back-edge has an empty operand stack and only named locals live.
// While an update waits, a blocking frame that can move is parked at its next back-edge
// (VM::setUpdatePointHook); once every blocker is parked or gone, the commit computes each parked
// frame's new locals (which may throw: the update then rolls back untouched) and, in the same
// uninterrupted step as the swap, points the frame at the new code's matching loop header.
// A frame that waits in a statement-level call (FunctionProto::callPoints) is not parked:
// it is armed in that step (VM::armTransferOnReturn) and moves when its callee returns.
// Invariant: a frame is only rewritten at a loop header or call return point whose path
// (and kind, or callee and ordinal) exist in both versions, with no handler of its own and
// not under a native callback.
#include "dsu/commit/operations.h"
#include "runtime/core/assert.h"
#include "runtime/exec/scheduler.h"
#include "runtime/syntax/syntax.h"

#include <algorithm>

namespace molt::dsu {


void Transaction::markMoves(Tracer& t) {
    for (auto& m : moves_) {
        t.mark(m->replacement);
        if (m->standIn) t.mark(m->standIn);
        for (Value v : m->locals)
            t.mark(v);
    }
}

bool Transaction::waitFor(const std::string& cls, const std::string& method) {
    waitFor_.insert(cls + "." + method);
    return true;
}

// A call return point as the report names it, and as dsu.mapFrame's `at` accepts it:
// "call this.step() in loop 1", "call this.step() #2 in loop 1" for the second such call.
static std::string pointName(const UpdatePoint& u) {
    size_t hash = u.call.rfind('#');
    std::string ordinal = u.call.substr(hash + 1);
    return "call " + u.call.substr(0, hash) + "()" + (ordinal == "1" ? "" : " #" + ordinal) +
           (u.path.empty() ? "" : " in loop " + u.path);
}

// Every update point of `p`, for an error that has to say which ones there are.
static std::string pointList(const FunctionProto* p) {
    std::string s;
    for (const UpdatePoint& u : p->updatePoints)
        s += (s.empty() ? "" : ", ") + ("loop " + u.path) + " (" + u.kind + ")";
    for (const UpdatePoint& u : p->callPoints)
        s += (s.empty() ? "" : ", ") + pointName(u);
    return s.empty() ? "none" : s;
}

// The live closure of `cls.method` (any kind of member), or null.
static const Closure* memberClosure(VM& vm, Class* cls, const std::string& method) {
    ClassDefinition def = readClassDefinition(vm, cls);
    Value found = Value::undefined();
    if (method == "constructor") found = def.constructor;
    NameTable ClassDefinition::*tables[] = {
        &ClassDefinition::methods,       &ClassDefinition::getters,
        &ClassDefinition::setters,       &ClassDefinition::staticMethods,
        &ClassDefinition::staticGetters, &ClassDefinition::staticSetters};
    for (auto table : tables)
        for (auto& [k, v] : def.*table)
            if (found.isUndefined() && k->view() == method) found = v;
    return isKind(found, ObjKind::Closure) ? as<Closure>(found) : nullptr;
}

bool Transaction::mapFrame(const std::string& cls, const std::string& method,
                           const std::string& at, std::vector<std::pair<std::string, Value>> locals) {
    std::string who = "mapFrame(\"" + cls + "\", \"" + method + "\")";
    for (auto& [name, fn] : locals)
        if (!vm_.isCallable(fn))
            return fail(who + ": local '" + name + "' must be given as a function (oldLocals) => value");
    // The running code is the live program's, not a staged new version's.
    Class* live = nullptr;
    for (Module* m : vm_.modules()) {
        if (std::any_of(adoptions_.begin(), adoptions_.end(), [&](auto& a) { return a->staged == m; }))
            continue;
        auto it = m->slotByName.find(cls);
        if (it != m->slotByName.end() && isKind(m->slots[it->second], ObjKind::Class)) {
            live = as<Class>(m->slots[it->second]);
            break;
        }
    }
    if (!live) live = findClass(cls);
    if (!live) return fail("unknown class '" + cls + "'");
    const Closure* member = memberClosure(vm_, live, method);
    const FunctionProto* old = member ? runningProto(member) : nullptr;
    if (!old) return fail(who + ": " + cls + " has no method '" + method + "'");
    FrameMapping mapping;
    mapping.locals = std::move(locals);
    std::string path = at.rfind("loop ", 0) == 0 ? at.substr(5) : at;
    if (at.empty()) {
    } else if (path.find_first_not_of("0123456789.") == std::string::npos && !path.empty()) {
        if (std::none_of(old->updatePoints.begin(), old->updatePoints.end(),
                         [&](const UpdatePoint& u) { return u.path == path; }))
            return fail(who + ": " + cls + "." + method + " has no loop " + path +
                        "; its update points are: " + pointList(old));
        mapping.at = path;
    } else if (at.rfind("call ", 0) == 0) {
        // "call CALLEE()", then " #N" (the Nth call of that text on its loop path) and
        // " in loop P", both optional: a point whose full name this is wins, else the one
        // point these parts pick out.
        std::string rest = at.substr(5), loop, ordinal;
        if (size_t in = rest.rfind(" in loop "); in != std::string::npos) {
            loop = rest.substr(in + 9);
            rest = rest.substr(0, in);
        }
        if (size_t hash = rest.rfind(" #"); hash != std::string::npos) {
            ordinal = rest.substr(hash + 2);
            rest = rest.substr(0, hash);
        }
        if (rest.size() > 2 && rest.compare(rest.size() - 2, 2, "()") == 0)
            rest = rest.substr(0, rest.size() - 2);
        std::vector<const UpdatePoint*> picked;
        for (const UpdatePoint& u : old->callPoints) {
            if (pointName(u) == at) {
                picked = {&u};
                break;
            }
            size_t hash = u.call.rfind('#');
            if (u.call.substr(0, hash) == rest && (loop.empty() || u.path == loop) &&
                (ordinal.empty() || u.call.substr(hash + 1) == ordinal))
                picked.push_back(&u);
        }
        if (picked.empty())
            return fail(who + ": " + cls + "." + method + " has no call return point '" + at +
                        "' (a call that is a whole statement); its update points are: " +
                        pointList(old));
        if (picked.size() > 1) {
            std::string names;
            for (const UpdatePoint* u : picked)
                names += (names.empty() ? "" : ", ") + pointName(*u);
            return fail(who + ": '" + at + "' names more than one call return point of " + cls +
                        "." + method + " (" + names + "); name one of them");
        }
        mapping.call = picked[0]->call;
        mapping.callPath = picked[0]->path;
        mapping.callName = pointName(*picked[0]);
    } else {
        return fail(who + ": 'at' must name a loop (\"loop 1\", \"loop 1.2\") or a call return "
                    "point (\"call this.step()\", \"call this.step() #2 in loop 1\"), not \"" +
                    at + "\"");
    }
    frameMappings_[cls + "." + method] = std::move(mapping);
    return true;
}

static std::string loopShape(const FunctionProto* p) {
    std::string s;
    for (const UpdatePoint& u : p->updatePoints)
        s += (s.empty() ? "" : ", ") + u.kind + " " + u.path;
    return s.empty() ? "no loop" : s;
}

// Why no frame of `old` can move to `next` at a loop, whatever the frame (the patch maps
// loop `at` when not empty); "" when one can.
static std::string loopRefusal(const FunctionProto* old, const FunctionProto* next,
                               const std::string& at) {
    if (old->updatePoints.empty()) return "the method has no loop to transfer at";
    if (at.empty() && loopShape(old) != loopShape(next))
        return "the loop structure changed (old: " + loopShape(old) + "; new: " + loopShape(next) +
               ")";
    return "";
}

// Why frame `i`, which waits in a call, cannot move to `replacement` when that call returns
// ("" = it can: *from and *to are the two versions' call return points).
std::string Transaction::callRefusal(Thread* t, size_t i, const FunctionProto* old,
                                     Closure* replacement, const UpdatePoint** from,
                                     const UpdatePoint** to, Closure** out) {
    const CallFrame& f = t->frames[i];
    const FunctionProto* next = replacement->proto;
    if (f.flags & kFrameGenerator)
        return "it waits in a call inside a resumed generator (a generator's frame moves only at "
               "a loop's back-edge)";
    if (t->frames[i + 1].flags & kFrameBoundary)
        return "it waits in a native call whose callback is running";
    if (vm_.isArmed(t, i)) return "it is already armed by an earlier update";
    // A patch that maps a call point (dsu.mapFrame at: "call ...") says that only that call
    // has to be in both versions.
    std::string method = methodNames_.count(old) ? methodNames_[old] : "";
    auto mapping = frameMappings_.find(method);
    const FrameMapping* mapped =
        mapping != frameMappings_.end() && !mapping->second.call.empty() ? &mapping->second : nullptr;
    if (!mapped && loopShape(old) != loopShape(next))
        return "it waits in a call, and the loop structure changed (old: " + loopShape(old) +
               "; new: " + loopShape(next) + ")";
    size_t pc = size_t(vm_.resumeIp(t, i) - old->code.data());
    const UpdatePoint* here = nullptr;
    for (const UpdatePoint& u : old->callPoints)
        if (u.pc == pc) here = &u;
    if (!here)
        return "it waits in a call whose result feeds an expression (only a call that is a "
               "whole statement, like `this.step();`, is a call return update point)";
    std::string callee = here->call.substr(0, here->call.rfind('#'));
    std::string where = "the call " + callee + "()" +
                        (here->path.empty() ? "" : " in loop " + here->path);
    if (mapped && (here->call != mapped->call || here->path != mapped->callPath))
        return "it waits in " + pointName(*here) + ", and the patch maps " + mapped->callName;
    if (here->hiddenState) return where + " is inside a switch or finally block (hidden state)";
    for (const UpdatePoint& u : next->callPoints)
        if (u.path == here->path && u.call == here->call) {
            if (u.hiddenState)
                return where + " is inside a switch or finally block in the new version";
            *from = here;
            *to = &u;
            *out = replacement;
            return "";
        }
    return "it waits in " + where + ", which the new version lacks (a call matches by its "
           "callee's text, its loop and its ordinal among such calls there)" +
           (mapped ? "; the patch maps it" : "");
}

std::string Transaction::transferRefusal(Thread* t, size_t i, const UpdatePoint** from,
                                         const UpdatePoint** to, Closure** replacement) {
    const CallFrame& f = t->frames[i];
    const FunctionProto* old = runningProto(f.closure);
    auto r = replacements_.find(old);
    if (r == replacements_.end() || !r->second) return "the new version removes the method";
    const FunctionProto* next = r->second->proto;
    std::string method = methodNames_.count(old) ? methodNames_[old] : "";
    if (waitFor_.count(method)) return "the patch asks to wait for it (dsu.waitFor)";
    if ((f.flags & kFrameGenerator) && old->isAsync)
        return "an async function's frame is not transferred (its awaits are driven by the "
               "promise runtime)";
    for (size_t j = 1; j <= i; ++j)
        if (t->frames[j].flags & kFrameBoundary)
            return "it runs inside a callback called from native code (" +
                   std::string(t->frames[j].closure->proto->name
                                   ? t->frames[j].closure->proto->name->view()
                                   : "<anonymous>") +
                   "), which cannot stop at a back-edge";
    for (const Handler& h : t->handlers)
        if (h.frameIndex == i) return "it is inside a try block (its handler is not mapped)";
    // A frame below the top waits in a call: it can move when that call returns.
    if (i + 1 < t->frames.size()) return callRefusal(t, i, old, r->second, from, to, replacement);
    // The top frame moves at a back-edge; affected frames below it must be able to move at
    // their calls' returns, or moving it alone would leave them in old code after the swap.
    size_t below = 0;
    std::string lowerWhy;
    for (size_t j = 0; j < i; ++j) {
        if (!replacements_.count(runningProto(t->frames[j].closure))) continue;
        const UpdatePoint *f2 = nullptr, *t2 = nullptr;
        Closure* r2 = nullptr;
        std::string why = transferRefusal(t, j, &f2, &t2, &r2);
        if (!why.empty()) {
            below++;
            if (lowerWhy.empty()) lowerWhy = why;
        }
    }
    if (below > 0)
        return std::to_string(below) + " frame(s) below it on this thread are in affected code and " +
               "cannot move when their calls return (" + lowerWhy +
               "), so it does not move alone: the update waits for them to return";
    auto mapping = frameMappings_.find(method);
    std::string at = mapping != frameMappings_.end() ? mapping->second.at : "";
    if (mapping != frameMappings_.end() && !mapping->second.call.empty())
        return "the patch maps " + mapping->second.callName +
               ": a frame moves at a call's return only while it waits in a call of hosted "
               "code, and this one is its thread's top frame (running, or in a native call)";
    if (std::string refusal = loopRefusal(old, next, at); !refusal.empty()) return refusal;
    // Which point the frame is at (or will next be at): its own pc when parked at one.
    size_t pc = size_t(vm_.resumeIp(t, i) - old->code.data());
    const UpdatePoint* here = nullptr;
    for (const UpdatePoint& u : old->updatePoints)
        if (u.pc == pc) here = &u;
    *from = here;
    *to = nullptr;
    *replacement = r->second;
    if (!here) {
        // Not at a header now: it can move at the next back-edge of a mapped loop.
        for (const UpdatePoint& u : old->updatePoints)
            if (at.empty() || u.path == at) return "";
        return "the patch maps loop " + at + ", which the old version lacks";
    }
    if (!at.empty() && here->path != at) return "it is at loop " + here->path + ", the patch maps loop " + at;
    if (here->hiddenState)
        return "loop " + here->path + " is inside a switch or finally block (hidden state)";
    for (const UpdatePoint& u : next->updatePoints)
        if (u.path == here->path) {
            if (u.kind != here->kind)
                return "loop " + here->path + " changed from " + here->kind + " to " + u.kind;
            if (u.hiddenState)
                return "loop " + here->path + " of the new version is inside a switch or finally block";
            *to = &u;
            return "";
        }
    return "the new version has no loop " + here->path;
}

std::string Transaction::suspendedRefusal(const Generator* g) {
    const FunctionProto* old = runningProto(g->closure);
    auto r = replacements_.find(old);
    if (r == replacements_.end() || !r->second) return "the new version removes the method";
    const FunctionProto* next = r->second->proto;
    std::string method = methodNames_.count(old) ? methodNames_[old] : "";
    if (waitFor_.count(method)) return "the patch asks to wait for it (dsu.waitFor)";
    if (old->isAsync)
        return old->isAsyncGenerator ? "an async generator's frame is not transferred"
                                     : "an async function's frame is not transferred";
    auto mapping = frameMappings_.find(method);
    std::string at = mapping != frameMappings_.end() ? mapping->second.at : "";
    if (mapping != frameMappings_.end() && !mapping->second.call.empty())
        return "the patch maps " + mapping->second.callName +
               ", and a suspended generator moves only at a loop's back-edge";
    if (std::string refusal = loopRefusal(old, next, at); !refusal.empty()) return refusal;
    if (!at.empty() && std::none_of(old->updatePoints.begin(), old->updatePoints.end(),
                                    [&](const UpdatePoint& u) { return u.path == at; }))
        return "the patch maps loop " + at + ", which the old version lacks";
    return "";
}

bool Transaction::parkAtUpdatePoint(Thread* t) {
    if (t->frames.empty()) return false;
    size_t i = t->frames.size() - 1;
    const CallFrame& f = t->frames[i];
    if (!replacements_.count(runningProto(f.closure))) return false;
    const UpdatePoint *from = nullptr, *to = nullptr;
    Closure* replacement = nullptr;
    if (!transferRefusal(t, i, &from, &to, &replacement).empty() || !from || !to) return false;
    // A loop header reached by its back-edge has an empty operand stack; anything else
    // (an expression holding a value across the loop) is refused: it stays running.
    if (t->sp != f.base + runningProto(f.closure)->maxLocals) return false;
    t->state = ThreadState::Waiting;
    parked_.push_back(t);
    return true;
}

void Transaction::releaseParked() {
    for (Thread* t : parked_)
        if (t->state == ThreadState::Waiting) {
            t->state = ThreadState::Runnable;
            vm_.scheduler().requeue(t);
        }
    parked_.clear();
}

// A new local's declared initializer (not a literal), evaluated as in the moved frame: with
// `this` and the locals declared before it in the new code (the values the move gives them)
// as parameters of a function compiled in the new code's module, so module bindings resolve
// as in the method. The result goes to `out`; a throw fails the update, naming the local
// and where its initializer is written.
bool Transaction::evaluateInitializer(FrameMove& m, size_t index, Value& out) {
    const CallFrame& f = m.thread->frames[m.frameIndex];
    const FunctionProto* next = m.replacement->proto;
    const UpdatePointLocal& l = m.to->locals[index];
    std::string_view source = next->sourceText->view();
    std::string expr(source.substr(l.initStart, l.initEnd - l.initStart));
    uint32_t line = 1, column = 1;
    for (uint32_t b = 0; b < l.initStart && b < source.size(); ++b) {
        if (source[b] == '\n') {
            line++;
            column = 1;
        } else if ((uint8_t(source[b]) & 0xC0) != 0x80) {
            column++;
        }
    }
    std::string method = methodNames_.count(runningProto(f.closure))
                             ? methodNames_[runningProto(f.closure)]
                             : "<function>";
    std::string where = "thread " + std::to_string(m.thread->threadId) + ": " + method +
                        ": the initializer of new local '" + l.name + "' (" +
                        std::string(next->file ? next->file->view() : "?") + ":" +
                        std::to_string(line) + ":" + std::to_string(column) + ")";
    // A closure made here would capture copies, not the frame's variables: refused.
    auto tree = SyntaxTree::parse(expr, "initializer");
    if (makesClosure(tree->root()))
        return fail(where + " makes a closure, which made outside the frame would not share its "
                            "variables; give the local with dsu.mapFrame, or dsu.waitFor the method");
    // The locals in scope at the declaration: those declared before it (a later one of the
    // same name shadows), without the loops' hidden iterators.
    std::vector<std::pair<std::string, Value>> scope;
    for (size_t k = 0; k < index; ++k) {
        const std::string& name = m.to->locals[k].name;
        if (name.empty() || name[0] == '%' || name == l.name || name == "arguments") continue;
        auto same = std::find_if(scope.begin(), scope.end(),
                                 [&](const auto& e) { return e.first == name; });
        if (same != scope.end()) same->second = m.locals[k];
        else scope.emplace_back(name, m.locals[k]);
    }
    std::string params;
    for (auto& [name, value] : scope)
        params += (params.empty() ? "" : ", ") + name;
    // Padded so that the expression sits at its own line and column: a throw names the
    // place in the new source.
    std::string text = "(function (" + params + ") { return (";
    if (line > 1) text += std::string(line - 1, '\n') + std::string(column - 1, ' ');
    text += expr + "\n); })";
    Result<Value> made =
        vm_.evaluate(next->module, text, next->file ? std::string(next->file->view()) : "?");
    if (!made) return fail(where + " does not compile here: " + made.error().format());
    Value fn = made.value();
    if (fn.isException()) {
        Value exc = vm_.takePendingException();
        Root keep(vm_.heap, exc);
        return fail(where + " threw: " + vm_.describeAtThrowSite(exc));
    }
    Root keepFn(vm_.heap, fn);
    std::vector<Value> args;
    for (auto& e : scope)
        args.push_back(e.second);
    Value v = vm_.call(fn, f.base[0], args.data(), int(args.size()));
    if (v.isException()) {
        Value exc = vm_.takePendingException();
        Root keep(vm_.heap, exc);
        return fail(where + " threw: " + vm_.describeAtThrowSite(exc));
    }
    out = v;
    return true;
}

// Computes every move's new locals; may run the patch's initializers, so it runs before the
// swap and a throw rolls the whole update back.
bool Transaction::prepareTransfers(UpdateReport& report) {
    for (auto& m : moves_) {
        const CallFrame& f = m->thread->frames[m->frameIndex];
        const FunctionProto* old = runningProto(f.closure);
        const FunctionProto* next = m->replacement->proto;
        std::string method = methodNames_.count(old) ? methodNames_[old] : "<function>";
        std::string who = "thread " + std::to_string(m->thread->threadId) + ": " + method;
        // The new code may name a field the update removes from the receiver's class.
        Value self = f.base[0];
        if (self.isObject() && self.asObject()->kind == ObjKind::Instance) {
            Class* cls = self.asObject()->klass;
            for (auto& d : drafts_) {
                if (d->old != cls || !d->fieldsDropped) continue;
                // Migrated in cell, the live class already has the new layout: its backup
                // is the one the frame ran with.
                ClassDefinition now = d->backup ? *d->backup : readClassDefinition(vm_, d->old);
                for (const std::string& name : now.ownFields) {
                    bool kept = std::find(d->def.ownFields.begin(), d->def.ownFields.end(),
                                          name) != d->def.ownFields.end();
                    if (kept) continue;
                    for (Value k : next->constants)
                        if (isKind(k, ObjKind::String) && as<String>(k)->view() == name)
                            return fail(who + ": its new code uses field '" + name +
                                        "', which the update removes from " +
                                        std::string(cls->name->view()));
                }
            }
        }
        // A record of the old frame's locals (and `this`) for the patch's initializers.
        Record* oldLocals = vm_.newRecord();
        Root keepRecord(vm_.heap, Value::object(oldLocals));
        vm_.recordSet(oldLocals, vm_.intern("this"), f.base[0]);
        for (const UpdatePointLocal& l : m->from->locals)
            if (l.name[0] != '%') vm_.recordSet(oldLocals, vm_.intern(l.name), f.base[l.slot]);
        auto mapping = frameMappings_.find(method);
        std::string kept, added, dropped;
        m->locals.clear();
        m->carriedFrom.clear();
        for (const UpdatePointLocal& l : m->to->locals) {
            Value v = Value::undefined();
            int carried = -1;
            const UpdatePointLocal* was = nullptr;
            for (const UpdatePointLocal& o : m->from->locals)
                if (o.name == l.name) was = &o;
            const Value* given = nullptr;
            if (mapping != frameMappings_.end())
                for (auto& [name, fn] : mapping->second.locals)
                    if (name == l.name) given = &fn;
            std::string shown = l.name[0] == '%' ? "the loop's iterator" : l.name;
            if (given) {
                Value arg = Value::object(oldLocals);
                v = vm_.call(*given, Value::undefined(), &arg, 1);
                if (v.isException()) {
                    Value exc = vm_.takePendingException();
                    Root keep(vm_.heap, exc);
                    return fail(who + ": the initializer of local '" + l.name + "' (dsu.mapFrame) threw: " +
                                vm_.describeAtThrowSite(exc));
                }
                added += (added.empty() ? "" : ", ") + shown + " (mapped)";
            } else if (was) {
                v = f.base[was->slot];
                carried = was->slot;
                kept += (kept.empty() ? "" : ", ") + shown;
            } else if (l.initialized && l.initConstant >= 0) {
                v = next->constants[size_t(l.initConstant)];
                added += (added.empty() ? "" : ", ") + shown + " (its initializer)";
            } else if (l.initialized && l.initStart < l.initEnd && next->sourceText) {
                size_t k = m->locals.size();
                if (!evaluateInitializer(*m, k, v)) return false;
                added += (added.empty() ? "" : ", ") + shown + " (its initializer, evaluated)";
            } else {
                added += (added.empty() ? "" : ", ") + shown + " (undefined)";
            }
            m->locals.push_back(v);
            m->carriedFrom.push_back(carried);
        }
        for (const UpdatePointLocal& o : m->from->locals) {
            bool stays = std::any_of(m->to->locals.begin(), m->to->locals.end(),
                                     [&](const UpdatePointLocal& l) { return l.name == o.name; });
            if (!stays) dropped += (dropped.empty() ? "" : ", ") + o.name;
        }
        if (m->atCall && m->replacement == f.closure) {
            m->standIn = vm_.newClosure(const_cast<FunctionProto*>(old));
            m->standIn->homeClass = f.closure->homeClass;
            for (uint32_t k = 0; k < m->standIn->upvalueCount && k < f.closure->upvalueCount; ++k)
                m->standIn->upvalues[k] = f.closure->upvalues[k];
        }
        if (f.base + next->maxLocals + kStackMargin >= m->thread->stackEnd)
            return fail(who + ": no stack room for the new code's locals");
        std::string place = std::string(next->file ? next->file->view() : "?") + ":" +
                            std::to_string(m->to->line) + ":" + std::to_string(m->to->column);
        m->description =
            who +
            (m->atCall ? ": transferred at call return (" + pointName(*m->to) + ", " + place +
                             "; armed: it moves when the call returns)"
                       : ": transferred at loop " + m->to->path + " (" + m->to->kind + ", " +
                             place + ")") +
            "; locals kept: " + (kept.empty() ? "none" : kept) +
                         "; new: " + (added.empty() ? "none" : added) +
                         "; dropped: " + (dropped.empty() ? "none" : dropped);
    }
    for (auto& m : moves_) {
        report.frames.push_back(m->description);
        const FunctionProto* next = m->replacement->proto;
        // Named as stacks name it (captureStack), so a view can find the frame.
        std::vector<StackFrameInfo> stack = vm_.captureStack(m->thread);
        report.transferred.push_back(
            {m->thread->threadId, stack[m->thread->frames.size() - 1 - m->frameIndex].function,
             m->atCall ? pointName(*m->to) : m->to->path,
             next->file ? std::string(next->file->view()) : "", m->to->line,
             m->to->column});
    }
    return true;
}

// Rewrites the parked frames and arms the ones waiting in calls: nothing here can fail, and
// the swap follows at once. A carried local is copied when the frame moves (for an armed
// frame, at the return: a closure the callee ran may have written it meanwhile); the new
// ones were computed before the swap, which forwards them with every other root.
void Transaction::applyTransfers() {
    for (auto& m : moves_) {
        CallFrame& f = m->thread->frames[m->frameIndex];
        const FunctionProto* old = runningProto(f.closure);
        const FunctionProto* next = m->replacement->proto;
        VM::FrameTransfer to;
        to.closure = m->replacement;
        to.pc = m->to->pc;
        to.oldLocals = old->maxLocals;
        for (size_t k = 0; k < m->to->locals.size(); ++k) {
            uint16_t slot = m->to->locals[k].slot;
            if (m->carriedFrom[k] >= 0) to.carried.emplace_back(uint16_t(m->carriedFrom[k]), slot);
            else to.given.emplace_back(slot, m->locals[k]);
        }
        if (m->atCall) {
            if (m->standIn) f.closure = m->standIn;
            bool armed = vm_.armTransferOnReturn(m->thread, m->frameIndex, std::move(to));
            MOLT_CHECK(armed, "a frame found armable could not be armed");
            continue;
        }
        Value generator = (f.flags & kFrameGenerator) ? f.base[old->generatorSlot] : Value::undefined();
        vm_.transferFrame(m->thread, m->frameIndex, to);
        // A resumed generator's frame keeps its Generator in the new code's slot for it, and
        // the Generator takes the new code: its next yield saves a pc of that code.
        if (f.flags & kFrameGenerator) {
            f.base[next->generatorSlot] = generator;
            if (isKind(generator, ObjKind::Generator))
                as<Generator>(generator)->closure = m->replacement;
        }
    }
    moves_.clear();
}

} // namespace molt::dsu
