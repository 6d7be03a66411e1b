#include "control/snapshot.h"

#include "runtime/exec/scheduler.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace molt::inspect {

namespace {

constexpr size_t kMaxElements = 1000; // elements of one array/map/set shown by the tree
constexpr size_t kMaxSummary = 160;   // characters of a rendered summary

std::string className(const Obj* o) {
    if (o->klass && o->klass->name) return std::string(o->klass->name->view());
    return objKindName(o->kind);
}

std::string quote(std::string_view s) {
    std::string out = "'";
    for (char c : s.substr(0, 80)) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\'')
            out += "\\'";
        else
            out += c;
    }
    if (s.size() > 80) out += "…";
    return out + "'";
}

void clip(std::string& s) {
    if (s.size() <= kMaxSummary) return;
    size_t cut = kMaxSummary;
    while (cut > 0 && (uint8_t(s[cut]) & 0xC0) == 0x80) // keep UTF-8 sequences whole
        --cut;
    s.resize(cut);
    s += "…";
}

bool expandable(const Obj* o) {
    switch (o->kind) {
    case ObjKind::Instance:
    case ObjKind::Array:
    case ObjKind::Record:
    case ObjKind::Map:
    case ObjKind::Set:
    case ObjKind::Class:
    case ObjKind::Module:
    case ObjKind::Thread: return true;
    default: return false;
    }
}

std::string typeOf(Value v) {
    if (v.isNumber()) return "number";
    if (v.isUndefined()) return "undefined";
    if (v.isNull()) return "null";
    if (v.isBool()) return "boolean";
    if (!v.isObject()) return "value";
    const Obj* o = v.asObject();
    switch (o->kind) {
    case ObjKind::String: return "string";
    case ObjKind::Closure:
    case ObjKind::Native: return "function";
    case ObjKind::Class: return "class";
    default: return className(o);
    }
}

// An instance field that no code has assigned yet is no property (value.h): the inspector
// still lists the slot, since the layout has it, but says it is unassigned.
std::string renderSlot(VM& vm, Value v, int depth) {
    return v.isEmpty() ? "<unassigned>" : renderValue(vm, v, depth);
}

FieldInfo field(VM& vm, std::string name, Value v) {
    FieldInfo f;
    f.name = std::move(name);
    f.value = renderSlot(vm, v, 1);
    f.type = typeOf(v);
    if (v.isObject() && v.asObject()->kind != ObjKind::String) {
        f.identity = vm.heap.identityOf(v.asObject());
        f.expandable = expandable(v.asObject());
    }
    return f;
}

Class* findClass(VM& vm, const std::string& root, const std::string& module,
                 const std::string& name) {
    for (Module* m : vm.modules()) {
        if (relativeModulePath(m, root) != module) continue;
        auto it = m->slotByName.find(name);
        if (it == m->slotByName.end() || it->second >= m->slots.size()) continue;
        Value v = m->slots[it->second];
        if (isKind(v, ObjKind::Class)) return as<Class>(v);
    }
    return nullptr;
}

void collectIfNeeded(VM& vm) {
    if (vm.heap.stats().bytesAllocatedSinceGc > 0) vm.heap.collect();
}

} // namespace

std::string relativeModulePath(const Module* m, const std::string& root) {
    std::string path = m->path ? std::string(m->path->view()) : "";
    std::string prefix = root;
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    if (!prefix.empty() && path.rfind(prefix, 0) == 0) return path.substr(prefix.size());
    return m->displayPath ? std::string(m->displayPath->view()) : path;
}

std::string renderValue(VM& vm, Value v, int depth) {
    if (v.isNumber()) return VM::numberToString(v.asNumber());
    if (v.isUndefined()) return "undefined";
    if (v.isNull()) return "null";
    if (v.isBool()) return v.asBool() ? "true" : "false";
    if (v.isEmpty()) return "<hole>";
    if (!v.isObject()) return "?";
    Obj* o = v.asObject();
    std::string id = "#" + std::to_string(vm.heap.identityOf(o));
    std::string out;
    switch (o->kind) {
    case ObjKind::String: return quote(static_cast<String*>(o)->view());
    case ObjKind::Closure: {
        auto* p = static_cast<Closure*>(o)->proto;
        return "[Function " + (p->name ? std::string(p->name->view()) : "(anonymous)") + "]";
    }
    case ObjKind::Native:
        return "[Function " + std::string(static_cast<Native*>(o)->name->view()) + "]";
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        return "[class " + (c->name ? std::string(c->name->view()) : "(anonymous)") + "]";
    }
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(o);
        out = className(o);
        if (depth > 0) return out + id;
        out += " {";
        const Class* k = o->klass;
        for (uint32_t i = 0; i < in->slotCount && i < k->fields.size(); ++i) {
            out += i ? ", " : " ";
            out += std::string(k->fields[i]->view()) + ": " + renderSlot(vm, in->slots[i], 1);
            if (out.size() > kMaxSummary) break;
        }
        out += in->slotCount ? " }" : "}";
        break;
    }
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        out = "Array(" + std::to_string(a->length) + ")";
        if (depth > 0) return out + id;
        out += " [";
        for (uint32_t i = 0; i < a->length && out.size() <= kMaxSummary; ++i)
            out += (i ? ", " : "") + renderValue(vm, a->elements[i], 1);
        out += "]";
        break;
    }
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        if (depth > 0) return "{…}" + id;
        out = "{";
        bool first = true;
        for (size_t i = 0; i < r->keys.size() && out.size() <= kMaxSummary; ++i) {
            if (!r->isLive(i)) continue;
            out += (first ? " " : ", ") + std::string(r->keys[i]->view()) + ": " +
                   renderValue(vm, r->values[i], 1);
            first = false;
        }
        out += first ? "}" : " }";
        break;
    }
    case ObjKind::Map:
    case ObjKind::Set:
        out = std::string(o->kind == ObjKind::Map ? "Map(" : "Set(") +
              std::to_string(static_cast<MapObj*>(o)->liveCount) + ")" + id;
        break;
    case ObjKind::Module: {
        auto* m = static_cast<Module*>(o);
        return "[module " + (m->displayPath ? std::string(m->displayPath->view()) : "?") + "]";
    }
    case ObjKind::Thread:
        return "[Thread " + std::to_string(static_cast<Thread*>(o)->threadId) + "]";
    default: return std::string("[") + objKindName(o->kind) + "]" + id;
    }
    clip(out);
    return out;
}

std::vector<ClassInfo> snapshotClasses(VM& vm, const std::string& root) {
    vm.heap.collect();
    std::unordered_map<const Class*, long> counts;
    vm.heap.forEachObject([&](Obj* o) {
        if (o->kind == ObjKind::Instance) counts[o->klass]++;
    });
    std::vector<ClassInfo> out;
    for (Module* m : vm.modules()) {
        std::string rel = relativeModulePath(m, root);
        if (rel.empty() || rel[0] == '/') continue; // outside the project (the core library)
        for (size_t slot = 0; slot < m->slots.size() && slot < m->names.size(); ++slot) {
            Value v = m->slots[slot];
            if (!isKind(v, ObjKind::Class)) continue;
            auto* c = as<Class>(v);
            if (c->module != m || !m->names[slot] || m->names[slot] != c->name) continue;
            ClassInfo info;
            info.name = std::string(c->name->view());
            info.module = rel;
            if (c->super && c->super->name) info.superclass = std::string(c->super->name->view());
            for (String* f : c->fields)
                info.fields.emplace_back(f->view());
            auto it = counts.find(c);
            info.instances = it == counts.end() ? 0 : it->second;
            out.push_back(std::move(info));
        }
    }
    return out;
}

namespace {

// A field's value as a filter reads it: a string as itself, the rest as the tree shows it.
std::string printedForQuery(VM& vm, Value v) {
    if (isString(v)) return std::string(asString(v)->view());
    return renderValue(vm, v, 1);
}

std::string lowered(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// The sort key of a field value: its rank among the kinds (InstanceQuery's order), then
// the number, string or identity it is compared by.
struct SortKey {
    int rank = 5;
    double number = 0;
    std::string text;
    uint32_t identity = 0;
};

SortKey sortKey(VM& vm, Value v) {
    SortKey k;
    if (v.isNumber()) {
        k.rank = 0;
        k.number = v.asNumber();
        if (std::isnan(k.number)) k.rank = 1; // after every number, before the strings
    } else if (isString(v)) {
        k.rank = 2;
        k.text = asString(v)->view();
    } else if (v.isBool()) {
        k.rank = 3;
        k.number = v.asBool() ? 1 : 0;
    } else if (v.isObject()) {
        k.rank = 4;
        k.identity = vm.heap.identityOf(v.asObject());
    } else {
        k.rank = v.isNull() ? 5 : 6;
    }
    return k;
}

// -1, 0, 1 as a orders before, with or after b.
int compareKeys(const SortKey& a, const SortKey& b) {
    if (a.rank != b.rank) return a.rank < b.rank ? -1 : 1;
    if (a.number != b.number) return a.number < b.number ? -1 : 1;
    if (int c = a.text.compare(b.text)) return c < 0 ? -1 : 1;
    if (a.identity != b.identity) return a.identity < b.identity ? -1 : 1;
    return 0;
}

int slotNamed(const Class* cls, const std::string& name) {
    for (size_t i = 0; i < cls->fields.size(); ++i)
        if (cls->fields[i]->view() == name) return int(i);
    return -1;
}

} // namespace

InstancePage snapshotInstances(VM& vm, const std::string& root, const InstanceQuery& query) {
    InstancePage out;
    out.query = query;
    out.module = query.module;
    out.className = query.className;
    out.page = std::max(0, query.page);
    out.pageSize = std::max(1, query.pageSize);
    Class* cls = findClass(vm, root, query.module, query.className);
    if (!cls) return out;
    out.found = true;
    int whereSlot = query.whereField.empty() ? -1 : slotNamed(cls, query.whereField);
    int sortSlot = query.sortField.empty() ? -1 : slotNamed(cls, query.sortField);
    for (const std::string* f : {&query.whereField, &query.sortField})
        if (!f->empty() && slotNamed(cls, *f) < 0) {
            out.error = query.className + " has no field '" + *f + "'";
            return out;
        }
    collectIfNeeded(vm);
    auto slot = [](Obj* o, int i) {
        auto* in = static_cast<Instance*>(o);
        return uint32_t(i) < in->slotCount ? in->slots[i] : Value::undefined();
    };
    std::string wanted = query.contains ? lowered(query.whereValue) : query.whereValue;
    auto keeps = [&](Obj* o) {
        if (whereSlot < 0) return true;
        std::string printed = printedForQuery(vm, slot(o, whereSlot));
        return query.contains ? lowered(printed).find(wanted) != std::string::npos
                              : printed == wanted;
    };
    // Entries stay small (the unsorted page of a million selects over them); sort keys,
    // when asked for, live beside them.
    struct Entry {
        uint32_t id;
        uint32_t key; // index into keys
        Obj* obj;
    };
    std::vector<Entry> all;
    std::vector<SortKey> keys;
    vm.heap.forEachObject([&](Obj* o) {
        if (o->klass != cls || o->kind != ObjKind::Instance) return;
        ++out.total;
        if (!keeps(o)) return;
        if (sortSlot >= 0) keys.push_back(sortKey(vm, slot(o, sortSlot)));
        all.push_back({vm.heap.identityOf(o), uint32_t(keys.size() - (sortSlot >= 0)), o});
    });
    out.matched = long(all.size());
    auto before = [&](const Entry& a, const Entry& b) {
        if (sortSlot >= 0)
            if (int c = compareKeys(keys[a.key], keys[b.key]))
                return query.descending ? c > 0 : c < 0;
        return a.id < b.id;
    };
    size_t begin = std::min(all.size(), size_t(out.page) * size_t(out.pageSize));
    size_t end = std::min(all.size(), begin + size_t(out.pageSize));
    // Only the page is sorted: select its first element, then sort the page's range.
    if (begin < all.size()) {
        std::nth_element(all.begin(), all.begin() + long(begin), all.end(), before);
        std::partial_sort(all.begin() + long(begin), all.begin() + long(end), all.end(), before);
    }
    for (size_t i = begin; i < end; ++i)
        out.rows.push_back({all[i].id, renderValue(vm, Value::object(all[i].obj), 0)});
    return out;
}

Obj* findObject(VM& vm, uint32_t identity) {
    collectIfNeeded(vm); // after a swap the replaced objects share their identity until then
    Obj* found = nullptr;
    vm.heap.forEachObject([&](Obj* o) {
        if (!found && o->id == identity && o->kind != ObjKind::Free) found = o;
    });
    return found;
}

ObjectFields snapshotObject(VM& vm, uint32_t identity) {
    ObjectFields out;
    out.identity = identity;
    Obj* found = findObject(vm, identity);
    if (!found) return out;
    out.found = true;
    Value v = Value::object(found);
    out.type = typeOf(v);
    out.summary = renderValue(vm, v, 0);
    auto limit = [&](size_t n) {
        if (n > kMaxElements) out.omitted = n - kMaxElements;
        return std::min(n, kMaxElements);
    };
    switch (found->kind) {
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(found);
        const Class* k = found->klass;
        for (uint32_t i = 0; i < in->slotCount && i < k->fields.size(); ++i)
            out.fields.push_back(field(vm, std::string(k->fields[i]->view()), in->slots[i]));
        break;
    }
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(found);
        for (size_t i = 0, n = limit(a->length); i < n; ++i)
            out.fields.push_back(field(vm, "[" + std::to_string(i) + "]", a->elements[i]));
        break;
    }
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(found);
        for (size_t i = 0; i < r->keys.size() && out.fields.size() < limit(r->liveCount()); ++i)
            if (r->isLive(i))
                out.fields.push_back(field(vm, std::string(r->keys[i]->view()), r->values[i]));
        break;
    }
    case ObjKind::Map:
    case ObjKind::Set: {
        auto* m = static_cast<MapObj*>(found);
        bool isMap = found->kind == ObjKind::Map;
        size_t shown = 0, n = limit(m->liveCount);
        for (size_t i = 0; i < m->keys.size() && shown < n; ++i) {
            if (m->keys[i].isEmpty()) continue; // deleted entry
            std::string key = renderValue(vm, m->keys[i], 1);
            if (isMap)
                out.fields.push_back(field(vm, key, m->values[i]));
            else
                out.fields.push_back(field(vm, "[" + std::to_string(shown) + "]", m->keys[i]));
            ++shown;
        }
        break;
    }
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(found);
        if (c->super) out.fields.push_back(field(vm, "(superclass)", Value::object(c->super)));
        for (size_t i = 0; i < c->staticNames.size(); ++i)
            out.fields.push_back(
                field(vm, "static " + std::string(c->staticNames[i]->view()), c->staticValues[i]));
        break;
    }
    case ObjKind::Module: {
        auto* m = static_cast<Module*>(found);
        for (size_t i = 5; i < m->slots.size() && i < m->names.size(); ++i) // 0-4: CommonJS
            if (m->names[i])
                out.fields.push_back(field(vm, std::string(m->names[i]->view()), m->slots[i]));
        break;
    }
    case ObjKind::Thread: {
        auto* t = static_cast<Thread*>(found);
        out.fields.push_back(field(vm, "id", Value::number(t->threadId)));
        break;
    }
    default: break;
    }
    return out;
}

namespace {

// The first edge of an object that names `target`, by the label its visitEdges gives it.
struct EdgeFinder : EdgeVisitorBase<EdgeFinder> {
    const void* target;
    const char* via = nullptr;
    void visit(Value& v, const char* what) {
        if (!via && v.isObject() && v.asObject() == target) via = what;
    }
    template<typename U> void visit(U*& ref, const char* what) {
        if (!via && static_cast<const void*>(ref) == target) via = what;
    }
};

// Where in `o` the reference is, named as the object tree names its rows.
std::string referenceName(const Obj* o, const Obj* target, const char* edge) {
    auto is = [&](Value v) { return v.isObject() && v.asObject() == target; };
    switch (o->kind) {
    case ObjKind::Instance: {
        auto* in = static_cast<const Instance*>(o);
        for (uint32_t i = 0; i < in->slotCount && i < o->klass->fields.size(); ++i)
            if (is(in->slots[i])) return std::string(o->klass->fields[i]->view());
        break;
    }
    case ObjKind::Array: {
        auto* a = static_cast<const Array*>(o);
        for (uint32_t i = 0; i < a->length; ++i)
            if (is(a->elements[i])) return "[" + std::to_string(i) + "]";
        break;
    }
    case ObjKind::Record: {
        auto* r = static_cast<const Record*>(o);
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (r->isLive(i) && is(r->values[i])) return std::string(r->keys[i]->view());
        break;
    }
    default: break;
    }
    return edge;
}

} // namespace

ReferrerList snapshotReferrers(VM& vm, uint32_t identity, size_t limit) {
    ReferrerList out;
    out.identity = identity;
    Obj* target = findObject(vm, identity); // collects when needed
    if (!target) return out;
    out.found = true;
    std::vector<std::pair<uint32_t, Obj*>> found;
    vm.heap.forEachObject([&](Obj* o) {
        if (o->kind == ObjKind::Free) return;
        EdgeFinder finder{{}, target};
        visitEdges(o, finder);
        if (finder.via) found.emplace_back(vm.heap.identityOf(o), o);
    });
    out.total = long(found.size());
    size_t shown = std::min(found.size(), limit);
    std::partial_sort(found.begin(), found.begin() + long(shown), found.end());
    for (size_t i = 0; i < shown; ++i) {
        Obj* o = found[i].second;
        EdgeFinder finder{{}, target};
        visitEdges(o, finder);
        Value v = Value::object(o);
        out.rows.push_back({found[i].first, typeOf(v), renderValue(vm, v, 0),
                            referenceName(o, target, finder.via)});
    }
    return out;
}

std::vector<ThreadInfo> snapshotThreads(VM& vm, const std::string& root) {
    std::string prefix = root.empty() || root.back() == '/' ? root : root + "/";
    std::vector<ThreadInfo> out;
    for (Thread* t : vm.scheduler().threads()) {
        if (t->threadId == 0) continue; // the VM's own thread for calls from C++
        ThreadInfo info;
        info.id = t->threadId;
        info.name = t->name ? std::string(t->name->view())
                            : (t->threadId == 1 ? "main" : "thread " + std::to_string(t->threadId));
        switch (t->state) {
        case ThreadState::Runnable: info.state = "runnable"; break;
        case ThreadState::Sleeping: info.state = "sleeping"; break;
        case ThreadState::Waiting: info.state = "waiting"; break;
        case ThreadState::Finished: info.state = "finished"; break;
        case ThreadState::Suspended: info.state = "suspended"; break;
        }
        for (const StackFrameInfo& f : vm.captureStack(t)) {
            std::string file = f.file;
            if (!prefix.empty() && file.rfind(prefix, 0) == 0) file = file.substr(prefix.size());
            info.frames.push_back({f.function, file, f.line, f.column});
        }
        out.push_back(std::move(info));
    }
    return out;
}

} // namespace molt::inspect
