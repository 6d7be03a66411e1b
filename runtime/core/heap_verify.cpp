// heap_verify.cpp — the whole-heap consistency checker (Lua's ltests.h, Wren's debug GC).
//
// What a clean `Heap::verify` guarantees, for every object in the heap (garbage included,
// since the collector never leaves an object pointing at a freed cell):
//   * Header: a known kind, in a cell of the size class the allocator recorded (or in the
//     large-object list), big enough for the object's inline tail (string bytes, instance
//     slots, closure upvalues); no forwarding flag (swapObjects clears it before it
//     returns); an identity the heap issued.
//   * Edges: every reference the kind's `visitEdges` lists is null or the start of a live
//     cell, of a kind the edge's static type can hold (`kindFits`). A Value never holds an
//     Upvalue (those are only reached through closures) and never the exception marker.
// Then, after a collection (so only live objects are left, all of them marked):
//   * Layouts: an instance has exactly its class's slot count; a class's layout starts with
//     its superclass's, `slotOf` indexes `fields` exactly, its depth is its superclass's plus
//     one, and its member tables hold only functions (a flattened table holds every own entry).
//   * Indexes: Map/Set index every live key at its position and nothing else, with
//     `liveCount` matching; a record's keys are unique and its index (if any) agrees.
//   * Modules: one slot per binding name, `slotByName` and `constSlots` within range.
//     Function protos: no constant is the hole marker, the line table stays inside the code,
//     inline caches name classes (an edge check); closures have their proto's upvalue
//     count, all of them set.
// The first violation is reported as "<kind> #<identity> (<name>) <edge>: <what is wrong>",
// edges counted per name ("slot[2]"), so a test failure points at the field to look at.
#include "runtime/core/heap.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace molt {

namespace {

std::string describe(Heap& heap, Obj* o) {
    std::string s = objKindName(o->kind);
    s += " #" + std::to_string(heap.identityOf(o));
    auto named = [&](String* n) {
        if (n && n->kind == ObjKind::String) s += " (" + std::string(n->view()) + ")";
    };
    switch (o->kind) {
    case ObjKind::Class: named(static_cast<Class*>(o)->name); break;
    case ObjKind::FunctionProto: named(static_cast<FunctionProto*>(o)->name); break;
    case ObjKind::Native: named(static_cast<Native*>(o)->name); break;
    case ObjKind::Module: named(static_cast<Module*>(o)->displayPath); break;
    case ObjKind::Instance:
        if (o->klass && o->klass->kind == ObjKind::Class) named(o->klass->name);
        break;
    default: break;
    }
    return s;
}

template<typename T> const char* typeName() {
#define MOLT_KIND_TYPE_NAME(kind, type)                                                            \
    if constexpr (std::is_same_v<T, type>) return #type;
    MOLT_OBJ_KINDS(MOLT_KIND_TYPE_NAME)
#undef MOLT_KIND_TYPE_NAME
    return "object";
}

bool isFunction(Value v) {
    return isKind(v, ObjKind::Closure) || isKind(v, ObjKind::Native);
}

} // namespace

// Where cells live: blocks sorted by address for a binary search, large objects by pointer.
struct CellMap {
    struct Range {
        const char* begin;
        const char* end;
        size_t cellSize;
        uint8_t sizeClass;
    };
    std::vector<Range> blocks;
    std::unordered_map<const Obj*, size_t> large;

    // The cell size `o` occupies, or 0 when `o` is not the start of a heap cell.
    size_t cellBytes(const Obj* o, uint8_t* sizeClass = nullptr) const {
        auto* p = reinterpret_cast<const char*>(o);
        auto it = std::upper_bound(blocks.begin(), blocks.end(), p,
                                   [](const char* q, const Range& r) { return q < r.begin; });
        if (it != blocks.begin()) {
            const Range& r = *std::prev(it);
            if (p < r.end) {
                if (sizeClass) *sizeClass = r.sizeClass;
                return (p - r.begin) % r.cellSize == 0 ? r.cellSize : 0;
            }
        }
        auto l = large.find(o);
        if (l == large.end()) return 0;
        if (sizeClass) *sizeClass = 0xff;
        return l->second;
    }
};

namespace {

// Checks each edge it is shown; the first bad one is kept in `problem`.
struct EdgeChecker : EdgeVisitorBase<EdgeChecker> {
    EdgeChecker(Heap& h, const CellMap& c) : heap(h), cells(c) {}
    Heap& heap;
    const CellMap& cells;
    Obj* from = nullptr;
    std::string problem;
    const char* lastWhat = nullptr;
    uint32_t ordinal = 0;

    void start(Obj* o) {
        from = o;
        lastWhat = nullptr;
        ordinal = 0;
    }
    std::string edgeName(const char* what) const {
        return std::string(what) + "[" + std::to_string(ordinal) + "]";
    }
    void count(const char* what) {
        ordinal = what == lastWhat ? ordinal + 1 : 0;
        lastWhat = what;
    }
    void report(const char* what, const std::string& why) {
        if (problem.empty()) problem = describe(heap, from) + " " + edgeName(what) + ": " + why;
    }
    // Returns whether `to` is a live cell (reported otherwise).
    bool live(const Obj* to, const char* what) {
        bool cell = cells.cellBytes(to) != 0;
        if (cell && to->kind != ObjKind::Free) return true;
        char where[32];
        std::snprintf(where, sizeof where, "%p", static_cast<const void*>(to));
        report(what, cell ? std::string("points at a freed cell (") + where + ")"
                          : std::string("points at ") + where + ", which is not a heap object");
        return false;
    }
    void visit(Value& v, const char* what) {
        count(what);
        if (!problem.empty()) return;
        if (v.isException()) return report(what, "holds the exception marker");
        if (!v.isObject()) return;
        Obj* to = v.asObject();
        if (live(to, what) && to->kind == ObjKind::Upvalue)
            report(what, "holds an Upvalue as a value");
    }
    template<typename T> void visit(T*& ref, const char* what) {
        count(what);
        if (!problem.empty() || !ref) return;
        Obj* to = ref;
        if (live(to, what) && !kindFits<T>(to->kind))
            report(what, std::string("is a ") + typeName<T>() + " edge holding a " +
                             objKindName(to->kind));
    }
};

// The kinds' own consistency, on live objects after a collection.
struct KindChecker {
    Heap& heap;
    std::string problem;

    bool fail(Obj* o, const std::string& why) {
        if (problem.empty()) problem = describe(heap, o) + ": " + why;
        return false;
    }

    void check(Obj* o) {
        switch (o->kind) {
        case ObjKind::String: string(static_cast<String*>(o)); break;
        case ObjKind::Symbol: {
            auto* sym = static_cast<Symbol*>(o);
            if (sym->buffer || sym->chars != sym->tail()) fail(o, "a symbol's text not after it");
            if (!sym->interned) fail(o, "a symbol not marked as a key");
            if (!sym->description.isUndefined() && !isString(sym->description))
                fail(o, "a description that is not a string");
            break;
        }
        case ObjKind::Array: array(static_cast<Array*>(o)); break;
        case ObjKind::Record: record(static_cast<Record*>(o)); break;
        case ObjKind::Instance: instance(static_cast<Instance*>(o)); break;
        case ObjKind::Class: klass(static_cast<Class*>(o)); break;
        case ObjKind::Closure: closure(static_cast<Closure*>(o)); break;
        case ObjKind::FunctionProto: proto(static_cast<FunctionProto*>(o)); break;
        case ObjKind::Native:
            if (!static_cast<Native*>(o)->fn) fail(o, "native without a function");
            break;
        case ObjKind::Map:
        case ObjKind::Set:
        case ObjKind::WeakMap:
        case ObjKind::WeakSet: map(static_cast<MapObj*>(o)); break;
        case ObjKind::Module: module(static_cast<Module*>(o)); break;
        case ObjKind::Thread: thread(static_cast<Thread*>(o)); break;
        case ObjKind::RegExp:
            if (!static_cast<RegExpObj*>(o)->compiled) fail(o, "RegExp without a compiled pattern");
            if (!static_cast<RegExpObj*>(o)->source) fail(o, "RegExp without a source");
            break;
        case ObjKind::Generator: generator(static_cast<Generator*>(o)); break;
        case ObjKind::Upvalue: upvalue(static_cast<Upvalue*>(o)); break;
        case ObjKind::Accessor: {
            auto* a = static_cast<AccessorPair*>(o);
            if (!a->getter.isUndefined() && !isFunction(a->getter))
                fail(o, "a getter that is not a function");
            if (!a->setter.isUndefined() && !isFunction(a->setter))
                fail(o, "a setter that is not a function");
            break;
        }
        case ObjKind::WeakRef: {
            // Cleared to undefined when its target dies; otherwise an object or a symbol.
            Value t = static_cast<WeakRefObj*>(o)->target;
            if (!t.isUndefined() && !t.isObject()) fail(o, "a WeakRef target that is no object");
            break;
        }
        case ObjKind::Iterator:
        case ObjKind::Date:
        case ObjKind::Free: break;
        }
    }

    void string(String* s) {
        if (StringBuffer* b = s->buffer) {
            // A built string is a prefix of its buffer's written bytes (object.h).
            if (b->refs == 0) fail(s, "points into a buffer nobody counts");
            if (s->chars < b->bytes || s->chars + s->length > b->bytes + b->used)
                fail(s, "reaches past its buffer's written bytes");
        } else if (s->chars != s->inlineChars) {
            fail(s, "neither inline nor in a buffer");
        }
        if (s->ascii && s->utf16Length != s->length) fail(s, "ASCII with a UTF-16 length");
    }
    void array(Array* a) {
        if (a->length > a->capacity)
            fail(a, "length " + std::to_string(a->length) + " exceeds its capacity " +
                        std::to_string(a->capacity));
        if (a->capacity && !a->elements) fail(a, "a capacity without elements");
    }
    void record(Record* r) {
        if (r->keys.size() != r->values.size())
            return void(fail(r, std::to_string(r->keys.size()) + " keys but " +
                                    std::to_string(r->values.size()) + " values"));
        // A deleted entry stays behind, dead (Record in object.h), until compaction: a key
        // may appear once live and any number of times dead, and the index holds the live
        // entries only.
        std::unordered_set<String*> seen;
        size_t dead = 0;
        for (size_t i = 0; i < r->keys.size(); ++i) {
            if (!r->keys[i]) return void(fail(r, "a null key"));
            std::string key(r->keys[i]->view());
            auto it = r->index ? r->index->find(r->keys[i]) : decltype(r->index->end()){};
            if (!r->isLive(i)) {
                ++dead;
                if (r->index && it != r->index->end() && it->second == i)
                    return void(fail(r, "index points at the deleted entry of '" + key + "'"));
                continue;
            }
            if (!seen.insert(r->keys[i]).second)
                return void(fail(r, "key '" + key + "' live twice"));
            if (isKind(r->values[i], ObjKind::Accessor) && !(r->flags & Record::kAccessorsFlag))
                return void(fail(r, "accessor '" + key + "' in a record not flagged for them"));
            if (r->index && (it == r->index->end() || it->second != i))
                return void(fail(r, "index disagrees about key '" + key + "'"));
        }
        if (dead != r->deadCount)
            return void(fail(r, std::to_string(dead) + " deleted entries but deadCount " +
                                    std::to_string(r->deadCount)));
        if (r->index && r->index->size() != r->liveCount())
            fail(r, "index holds keys the record does not");
    }
    void instance(Instance* in) {
        Class* c = in->klass;
        if (!c) return void(fail(in, "no class"));
        if (in->slotCount != c->fields.size())
            fail(in, "has " + std::to_string(in->slotCount) + " slots, its layout has " +
                         std::to_string(c->fields.size()));
    }
    void klass(Class* c) {
        if (!c->name) fail(c, "no name");
        if (c->super) {
            const std::vector<String*>& inherited = c->super->fields;
            if (c->fields.size() < inherited.size() ||
                !std::equal(inherited.begin(), inherited.end(), c->fields.begin()))
                fail(c, "layout does not start with its superclass's");
            if (c->depth != c->super->depth + 1)
                fail(c, "depth " + std::to_string(c->depth) + " under a superclass of depth " +
                            std::to_string(c->super->depth));
        } else if (c->depth != 0) {
            fail(c, "depth " + std::to_string(c->depth) + " without a superclass");
        }
        if (c->ownFieldStart > c->fields.size()) fail(c, "own fields start past the layout");
        if (c->slotOf.size() != c->fields.size())
            fail(c, "slot table has " + std::to_string(c->slotOf.size()) + " entries for " +
                        std::to_string(c->fields.size()) + " fields");
        for (size_t i = 0; i < c->fields.size(); ++i) {
            auto it = c->slotOf.find(c->fields[i]);
            if (it == c->slotOf.end() || it->second != i)
                return void(fail(c, "slot table disagrees about field '" +
                                        std::string(c->fields[i]->view()) + "'"));
        }
        if (c->staticNames.size() != c->staticValues.size())
            fail(c, "static names and values differ in number");
        struct Table {
            const NameTable& table;
            const char* name;
        };
        for (Table t :
             {Table{c->methods, "method"}, Table{c->getters, "getter"}, Table{c->setters, "setter"},
              Table{c->ownMethods, "own method"}, Table{c->ownGetters, "own getter"},
              Table{c->ownSetters, "own setter"}, Table{c->staticMethods, "static method"},
              Table{c->staticGetters, "static getter"}, Table{c->staticSetters, "static setter"}})
            for (auto& [k, v] : t.table)
                if (!isFunction(v))
                    return void(fail(c, std::string(t.name) + " '" + std::string(k->view()) +
                                            "' is not a function"));
        if (c->flags & uint8_t(ClassFlag::Finished)) {
            for (auto [own, flat] :
                 {std::pair{&c->ownMethods, &c->methods}, std::pair{&c->ownGetters, &c->getters},
                  std::pair{&c->ownSetters, &c->setters}})
                for (auto& [k, v] : *own) {
                    auto it = flat->find(k);
                    if (it == flat->end() || it->second != v)
                        return void(fail(c, "flattened table lost own member '" +
                                                std::string(k->view()) + "'"));
                }
        }
        if (!c->constructor.isUndefined() && !isFunction(c->constructor))
            fail(c, "constructor is not a function");
        if (!c->fieldInit.isUndefined() && !isKind(c->fieldInit, ObjKind::Closure))
            fail(c, "field initializer is not a closure");
    }
    void closure(Closure* c) {
        if (!c->proto) return void(fail(c, "no function"));
        if (c->upvalueCount != c->proto->upvalues.size())
            return void(fail(c, "has " + std::to_string(c->upvalueCount) +
                                    " upvalues, its function captures " +
                                    std::to_string(c->proto->upvalues.size())));
        for (uint32_t i = 0; i < c->upvalueCount; ++i)
            if (!c->upvalues[i]) return void(fail(c, "upvalue " + std::to_string(i) + " unset"));
    }
    void proto(FunctionProto* f) {
        for (size_t i = 0; i < f->constants.size(); ++i)
            if (f->constants[i].isEmpty())
                return void(fail(f, "constant " + std::to_string(i) + " is the hole marker"));
        for (const LineEntry& l : f->lines)
            if (l.pc > f->code.size()) return void(fail(f, "line table past the code"));
    }
    void map(MapObj* m) {
        bool isSet = m->kind == ObjKind::Set || m->kind == ObjKind::WeakSet;
        if (m->kind == ObjKind::WeakMap || m->kind == ObjKind::WeakSet)
            for (Value k : m->keys)
                if (!k.isEmpty() && (!k.isObject() || isString(k)))
                    return void(fail(m, "a weak collection keyed by a primitive"));
        if (!isSet && m->values.size() != m->keys.size())
            return void(fail(m, std::to_string(m->keys.size()) + " keys but " +
                                    std::to_string(m->values.size()) + " values"));
        uint32_t live = 0;
        for (uint32_t i = 0; i < m->keys.size(); ++i) {
            if (m->keys[i].isEmpty()) continue;
            live++;
            auto it = m->index.find(m->keys[i]);
            if (it == m->index.end() || it->second != i)
                return void(fail(m, "index does not find entry " + std::to_string(i)));
        }
        if (live != m->liveCount)
            fail(m, "size " + std::to_string(m->liveCount) + " but " + std::to_string(live) +
                        " live entries");
        if (m->index.size() != live)
            fail(m, "index holds " + std::to_string(m->index.size()) + " keys for " +
                        std::to_string(live) + " live entries");
    }
    void module(Module* m) {
        if (m->names.size() != m->slots.size())
            return void(fail(m, std::to_string(m->names.size()) + " binding names but " +
                                    std::to_string(m->slots.size()) + " slots"));
        for (auto& [name, slot] : m->slotByName)
            if (slot >= m->slots.size())
                return void(fail(m, "binding '" + name + "' past the slots"));
        for (uint32_t slot : m->constSlots)
            if (slot >= m->slots.size()) return void(fail(m, "a const slot past the slots"));
    }
    // A suspended generator's frame fits its code, and its open upvalues point into its own
    // slots (object.h); a running or finished one has handed its frame back.
    void generator(Generator* g) {
        if (!g->closure) return void(fail(g, "a generator without a function"));
        const FunctionProto* p = g->closure->proto;
        if (!g->suspended()) {
            if (g->openUpvalues) fail(g, "open upvalues while not suspended");
            return;
        }
        if (g->slots.size() < p->maxLocals)
            return void(fail(g, "a suspended frame smaller than its locals"));
        if (g->pc > p->code.size()) return void(fail(g, "a suspended pc past its code"));
        for (const SavedHandler& h : g->handlers)
            if (h.catchPc > p->code.size()) return void(fail(g, "a handler past its code"));
        for (Upvalue* u = g->openUpvalues; u; u = u->nextOpen) {
            if (u->suspendedIn != g) return void(fail(g, "an open upvalue owned elsewhere"));
            if (u->location < g->slots.data() || u->location >= g->slots.data() + g->slots.size())
                return void(fail(g, "an open upvalue outside its slots"));
        }
    }
    void upvalue(Upvalue* u) {
        if (u->suspendedIn && !u->suspendedIn->suspended())
            fail(u, "names a generator that is not suspended");
    }
    void thread(Thread* t) {
        if (t->stack && (t->sp < t->stack || t->sp > t->stackEnd))
            fail(t, "stack pointer outside its stack");
        if (!t->stack && t->sp) fail(t, "stack pointer without a stack");
        for (const CallFrame& f : t->frames)
            if (!f.closure) return void(fail(t, "a frame without a closure"));
    }
};

size_t tailBytes(const Obj* o) {
    switch (o->kind) {
    case ObjKind::String: {
        auto* s = static_cast<const String*>(o);
        return s->buffer ? sizeof(String) : sizeof(String) + s->length;
    }
    case ObjKind::Symbol: return sizeof(Symbol) + static_cast<const String*>(o)->length;
    case ObjKind::Instance: {
        uint32_t n = static_cast<const Instance*>(o)->slotCount;
        return sizeof(Instance) + (n ? n - 1 : 0) * sizeof(Value);
    }
    case ObjKind::Closure: {
        uint32_t n = static_cast<const Closure*>(o)->upvalueCount;
        return sizeof(Closure) + (n ? n - 1 : 0) * sizeof(Upvalue*);
    }
    default: return 0;
    }
}

} // namespace

std::string Heap::verifyEdges(bool full) {
    CellMap cells;
    for (Block* b : blocks_)
        cells.blocks.push_back({b->begin, b->end, b->cellSize, b->sizeClass});
    std::sort(cells.blocks.begin(), cells.blocks.end(),
              [](const CellMap::Range& a, const CellMap::Range& b) { return a.begin < b.begin; });
    for (auto [o, bytes] : large_)
        cells.large.emplace(o, bytes);

    EdgeChecker edges(*this, cells);
    KindChecker kinds{*this, {}};
    std::string problem;
    forEachObject([&](Obj* o) {
        if (!problem.empty()) return;
        auto header = [&](const std::string& why) { problem = describe(*this, o) + ": " + why; };
        uint8_t sizeClass = 0;
        size_t bytes = cells.cellBytes(o, &sizeClass);
        if (uint8_t(o->kind) >= uint8_t(ObjKind::Free))
            return void(problem = "a cell of unknown kind " + std::to_string(int(o->kind)));
        if (o->cellClass != sizeClass)
            return header("size class " + std::to_string(o->cellClass) + " in a cell of class " +
                          std::to_string(sizeClass));
        if (tailBytes(o) > bytes)
            return header("needs " + std::to_string(tailBytes(o)) + " bytes in a cell of " +
                          std::to_string(bytes));
        if (o->flags & kForwardedFlag) return header("still marked as forwarded");
        if (o->id >= nextIdentity_) return header("an identity the heap never issued");
        if (full && o->marked != markEpoch_) return header("survived a collection unmarked");
        edges.start(o);
        visitEdges(o, edges);
        if (!edges.problem.empty()) return void(problem = edges.problem);
        if (full) {
            kinds.check(o);
            problem = kinds.problem;
        }
    });
    return problem;
}

// After a collection every live instance is in its class's index, once, and every
// entry that still has the class names a live instance (the sweep dropped the rest).
std::string Heap::verifyIndexes() {
    std::unordered_map<const Class*, size_t> live;
    std::string problem;
    forEachObject([&](Obj* o) {
        if (o->kind != ObjKind::Instance || !problem.empty()) return;
        if (!o->klass->indexed)
            problem = describe(*this, o) + ": its class has no instance index";
        live[o->klass]++;
    });
    if (!problem.empty()) return problem;
    for (const Class* c : indexedClasses_) {
        std::unordered_set<const Instance*> seen;
        for (const Instance* o : c->instanceIndex) {
            if (o->kind != ObjKind::Instance || o->klass != c)
                return describe(*this, const_cast<Class*>(c)) +
                       ": its instance index names an object of another class after a collection";
            if (!seen.insert(o).second)
                return describe(*this, const_cast<Instance*>(o)) +
                       ": appears twice in its class's instance index";
        }
        auto it = live.find(c);
        size_t expected = it == live.end() ? 0 : it->second;
        if (seen.size() != expected)
            return describe(*this, const_cast<Class*>(c)) + ": " + std::to_string(expected) +
                   " live instances, its instance index names " + std::to_string(seen.size());
    }
    return "";
}

std::string Heap::verify() {
    // The edges first: a collection would follow a dangling edge instead of reporting it.
    std::string problem = verifyEdges(false);
    if (!problem.empty()) return problem;
    collect();
    problem = verifyEdges(true);
    if (!problem.empty()) return problem;
    return verifyIndexes();
}

void Heap::verifyAfterUpdate(const char* event) {
    if (!verifyUpdates_) return;
    std::string problem = verify();
    if (problem.empty()) return;
    std::fprintf(stderr, "molt: heap check after %s failed: %s\n", event, problem.c_str());
    std::fflush(stderr);
    std::abort();
}

} // namespace molt
