#include "runtime/core/heap.h"

#include "runtime/core/assert.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

namespace molt {

const char* objKindName(ObjKind k) {
    switch (k) {
#define MOLT_KIND_NAME(name)                                                                       \
    case ObjKind::name: return #name;
        MOLT_OBJ_KINDS(MOLT_KIND_NAME)
#undef MOLT_KIND_NAME
    case ObjKind::Free: return "Free";
    }
    return "?";
}

// A block holds cells of one size class, laid out back to back after the header.
struct Heap::Block {
    size_t cellSize;
    char* begin;
    char* end;   // end of the cells handed out so far (bump region excluded)
    char* limit; // end of the block's memory
    uint8_t sizeClass;
};

static constexpr uint8_t kLargeClass = 0xff;

Heap::Heap() = default;

Heap::~Heap() {
    forEachObject([](Obj* o) { finalize(o); });
    for (Block* b : blocks_)
        std::free(b);
    for (auto [o, bytes] : large_)
        std::free(o);
}

void Heap::setStressMode(bool on) {
    stress_ = on;
    nextCollection_ = on ? 0 : stats_.bytesLive * 2 + 8 * 1024 * 1024;
}

void* Heap::allocateRaw(size_t bytes) {
    if (stats_.bytesAllocatedSinceGc >= nextCollection_ && !collecting_ && (!deferred_ || stress_))
        collect();
    stats_.bytesAllocatedSinceGc += bytes;
    if (bytes > kSmallLimit) return allocateLarge(bytes);

    size_t cls = (bytes + kCellGranule - 1) / kCellGranule;
    SizeClass& sc = classes_[cls];
    lastCellClass_ = uint8_t(cls);
    if (void* cell = sc.freeList) {
        sc.freeList = *reinterpret_cast<void**>(static_cast<char*>(cell) + kFreeLinkOffset);
        return cell;
    }
    size_t cellSize = cls * kCellGranule;
    if (!sc.bumpCursor || size_t(sc.bumpEnd - sc.bumpCursor) < cellSize) {
        if (limit_ && footprint() + kBlockBytes > limit_ && !deferred_ && !collecting_) {
            // At the limit: a collection may free a cell of this class.
            collect();
            if (void* cell = sc.freeList) {
                sc.freeList = *reinterpret_cast<void**>(static_cast<char*>(cell) + kFreeLinkOffset);
                return cell;
            }
            outOfMemory();
        }
        // A fresh block for this class: the heap walker sees cells up to `end`.
        auto* block = static_cast<Block*>(std::malloc(kBlockBytes));
        MOLT_CHECK(block, "out of memory");
        block->cellSize = cellSize;
        block->sizeClass = uint8_t(cls);
        block->begin = reinterpret_cast<char*>(block) + ((sizeof(Block) + 15) & ~size_t(15));
        block->end = block->begin;
        block->limit = reinterpret_cast<char*>(block) + kBlockBytes;
        blocks_.push_back(block);
        sc.current = block;
        sc.bumpCursor = block->begin;
        sc.bumpEnd = block->limit;
    }
    void* cell = sc.bumpCursor;
    sc.bumpCursor += cellSize;
    sc.current->end = sc.bumpCursor;
    return cell;
}

void* Heap::allocateLarge(size_t bytes) {
    if (limit_ && footprint() + bytes > limit_ && !deferred_ && !collecting_) {
        collect();
        if (footprint() + bytes > limit_) outOfMemory();
    }
    void* mem = std::malloc(bytes);
    MOLT_CHECK(mem, "out of memory");
    lastCellClass_ = kLargeClass;
    large_.push_back({static_cast<Obj*>(mem), bytes});
    largeBytes_ += bytes;
    return mem;
}

void Heap::outOfMemory() {
    std::fprintf(stderr, "molt: out of memory: the heap reached its limit of %zu MB\n",
                 limit_ / (1024 * 1024));
    std::fflush(stderr);
    std::abort();
}

size_t Heap::growthFor(size_t count, size_t bytes) const {
    if (count == 0) return 0;
    if (bytes > kSmallLimit) return count * bytes;
    size_t cls = (bytes + kCellGranule - 1) / kCellGranule;
    size_t cellSize = cls * kCellGranule;
    const SizeClass& sc = classes_[cls];
    size_t available = sc.bumpCursor ? size_t(sc.bumpEnd - sc.bumpCursor) / cellSize : 0;
    for (void* cell = sc.freeList; cell && available < count;
         cell = *reinterpret_cast<void**>(static_cast<char*>(cell) + kFreeLinkOffset))
        ++available;
    if (available >= count) return 0;
    size_t perBlock = (kBlockBytes - ((sizeof(Block) + 15) & ~size_t(15))) / cellSize;
    return (count - available + perBlock - 1) / perBlock * kBlockBytes;
}

uint32_t Heap::identityOf(Obj* o) {
    if (o->id == 0) o->id = nextIdentity_++;
    return o->id;
}

void Tracer::mark(Obj* o) {
    if (walk_) {
        if (walk_->redirect && *walk_->redirect) o = (*walk_->redirect)(o);
        if (walk_->visited.insert(o).second) walk_->stack.push_back(o);
        return;
    }
    if (o->marked == heap_.markEpoch_) return;
    o->marked = heap_.markEpoch_;
    heap_.markStack_.push_back(o);
}

void Heap::markRoots(Tracer& t) {
    for (auto& p : rootProviders_)
        if (p) p(t);
    for (Value* slot : tempRoots_)
        t.mark(*slot);
}

void Heap::forEachReachable(const std::function<void(Obj*)>& fn,
                            const std::function<Obj*(Obj*)>& redirect) {
    Tracer::Walk walk;
    walk.redirect = &redirect;
    Tracer t(*this, &walk);
    markRoots(t);
    while (!walk.stack.empty()) {
        Obj* o = walk.stack.back();
        walk.stack.pop_back();
        fn(o);
        trace(o, t);
    }
}

void Heap::drainMarkStack(Tracer& t) {
    while (!markStack_.empty()) {
        Obj* o = markStack_.back();
        markStack_.pop_back();
        trace(o, t);
    }
}

void Heap::trace(Obj* o, Tracer& t) {
    if (o->klass) t.mark(o->klass);
    switch (o->kind) {
    case ObjKind::String:
    case ObjKind::Free: break;
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        t.markAll(a->elements, a->elements + a->length);
        break;
    }
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        for (String* k : r->keys)
            t.mark(k);
        for (Value v : r->values)
            t.mark(v);
        break;
    }
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(o);
        t.markAll(in->slots, in->slots + in->slotCount);
        break;
    }
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        if (c->name) t.mark(c->name);
        if (c->super) t.mark(c->super);
        if (c->module) t.mark(c->module);
        for (String* f : c->fields)
            t.mark(f);
        for (auto* table :
             {&c->methods, &c->getters, &c->setters, &c->ownMethods, &c->ownGetters, &c->ownSetters,
              &c->staticMethods, &c->staticGetters, &c->staticSetters})
            for (auto& [k, v] : *table) {
                t.mark(k);
                t.mark(v);
            }
        for (String* s : c->staticNames)
            t.mark(s);
        for (Value v : c->staticValues)
            t.mark(v);
        t.mark(c->constructor);
        t.mark(c->fieldInit);
        break;
    }
    case ObjKind::Closure: {
        auto* c = static_cast<Closure*>(o);
        t.mark(c->proto);
        if (c->homeClass) t.mark(c->homeClass);
        for (uint32_t i = 0; i < c->upvalueCount; ++i)
            if (c->upvalues[i]) t.mark(c->upvalues[i]);
        break;
    }
    case ObjKind::FunctionProto: {
        auto* f = static_cast<FunctionProto*>(o);
        if (f->name) t.mark(f->name);
        if (f->module) t.mark(f->module);
        if (f->file) t.mark(f->file);
        for (Value v : f->constants)
            t.mark(v);
        // Inline caches hold classes and methods weakly in spirit, but marking them keeps
        // the sweep simple; a stale cache entry only pins an old class until the next miss.
        for (auto& ic : f->caches) {
            if (ic.klass) t.mark(ic.klass);
            t.mark(ic.value);
        }
        break;
    }
    case ObjKind::Native: {
        auto* n = static_cast<Native*>(o);
        if (n->name) t.mark(n->name);
        t.mark(n->data);
        break;
    }
    case ObjKind::Upvalue: {
        auto* u = static_cast<Upvalue*>(o);
        t.mark(*u->location);
        break;
    }
    case ObjKind::Map:
    case ObjKind::Set: {
        auto* m = static_cast<MapObj*>(o);
        for (Value v : m->keys)
            t.mark(v);
        for (Value v : m->values)
            t.mark(v);
        break;
    }
    case ObjKind::Module: {
        auto* m = static_cast<Module*>(o);
        if (m->path) t.mark(m->path);
        if (m->displayPath) t.mark(m->displayPath);
        for (String* s : m->names)
            t.mark(s);
        for (Value v : m->slots)
            t.mark(v);
        t.mark(m->exports);
        t.mark(m->moduleObject);
        if (m->body) t.mark(m->body);
        break;
    }
    case ObjKind::Iterator: t.mark(static_cast<Iterator*>(o)->target); break;
    case ObjKind::Thread:
        // Threads trace their stacks through the scheduler's root provider; a Thread
        // object reachable only from the heap is a finished thread's handle.
        break;
    }
}

void Heap::finalize(Obj* o) {
    switch (o->kind) {
    case ObjKind::String: {
        auto* str = static_cast<String*>(o);
        if (str->buffer && --str->buffer->refs == 0) std::free(str->buffer);
        delete str->utf16;
        break;
    }
    case ObjKind::Array: std::free(static_cast<Array*>(o)->block()); break;
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        delete r->index;
        r->~Record();
        break;
    }
    case ObjKind::Class: static_cast<Class*>(o)->~Class(); break;
    case ObjKind::FunctionProto: static_cast<FunctionProto*>(o)->~FunctionProto(); break;
    case ObjKind::Map:
    case ObjKind::Set: static_cast<MapObj*>(o)->~MapObj(); break;
    case ObjKind::Module: static_cast<Module*>(o)->~Module(); break;
    case ObjKind::Thread: static_cast<Thread*>(o)->~Thread(); break;
    default: break;
    }
}

void Heap::visitEdges(Obj* o, EdgeVisitor& v) {
    v.visitTyped(o->klass);
    switch (o->kind) {
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        for (uint32_t i = 0; i < a->length; ++i)
            v.visit(a->elements[i]);
        break;
    }
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        for (Value& x : r->values)
            v.visit(x);
        break;
    }
    case ObjKind::Instance: {
        auto* in = static_cast<Instance*>(o);
        for (uint32_t i = 0; i < in->slotCount; ++i)
            v.visit(in->slots[i]);
        break;
    }
    case ObjKind::Class: {
        auto* c = static_cast<Class*>(o);
        v.visitTyped(c->super);
        for (auto* table :
             {&c->methods, &c->getters, &c->setters, &c->ownMethods, &c->ownGetters, &c->ownSetters,
              &c->staticMethods, &c->staticGetters, &c->staticSetters})
            for (auto& [k, x] : *table)
                v.visit(x);
        for (Value& x : c->staticValues)
            v.visit(x);
        v.visit(c->constructor);
        v.visit(c->fieldInit);
        break;
    }
    case ObjKind::Closure: {
        auto* c = static_cast<Closure*>(o);
        v.visitTyped(c->homeClass);
        break;
    }
    case ObjKind::FunctionProto: {
        auto* f = static_cast<FunctionProto*>(o);
        for (Value& x : f->constants)
            v.visit(x);
        break;
    }
    case ObjKind::Native: v.visit(static_cast<Native*>(o)->data); break;
    case ObjKind::Upvalue: {
        auto* u = static_cast<Upvalue*>(o);
        if (u->location == &u->closed) v.visit(u->closed);
        break;
    }
    case ObjKind::Map:
    case ObjKind::Set: {
        auto* m = static_cast<MapObj*>(o);
        for (Value& x : m->keys)
            v.visit(x);
        for (Value& x : m->values)
            v.visit(x);
        break;
    }
    case ObjKind::Module: {
        auto* m = static_cast<Module*>(o);
        for (Value& x : m->slots)
            v.visit(x);
        v.visit(m->exports);
        v.visit(m->moduleObject);
        break;
    }
    case ObjKind::Iterator: v.visit(static_cast<Iterator*>(o)->target); break;
    default: break;
    }
}

void Heap::collect() {
    if (collecting_) return;
    collecting_ = true;
    markEpoch_ = markEpoch_ == 1 ? 2 : 1;
    Tracer t(*this);
    markRoots(t);
    drainMarkStack(t);
    if (weakSweeper_) weakSweeper_();
    sweep();
    stats_.collections++;
    stats_.bytesAllocatedSinceGc = 0;
    nextCollection_ = stress_ ? 0 : std::max<size_t>(stats_.bytesLive, 4 * 1024 * 1024) * 2;
    collecting_ = false;
}

void Heap::sweep() {
    size_t live = 0, objects = 0;
    for (auto& sc : classes_)
        sc.freeList = nullptr;
    for (Block* b : blocks_) {
        SizeClass& sc = classes_[b->sizeClass];
        for (char* p = b->begin; p < b->end; p += b->cellSize) {
            auto* o = reinterpret_cast<Obj*>(p);
            if (o->kind != ObjKind::Free && o->marked == markEpoch_) {
                live += b->cellSize;
                objects++;
                continue;
            }
            if (o->kind != ObjKind::Free) finalize(o);
            o->kind = ObjKind::Free;
            o->marked = 0;
            // Free cells link through their second word so `kind` stays valid for walkers.
            *reinterpret_cast<void**>(p + kFreeLinkOffset) = sc.freeList;
            sc.freeList = p;
        }
    }
    size_t kept = 0;
    for (auto [o, bytes] : large_) {
        if (o->marked == markEpoch_) {
            large_[kept++] = {o, bytes};
            live += bytes;
            objects++;
        } else {
            finalize(o);
            std::free(o);
            largeBytes_ -= bytes;
        }
    }
    large_.resize(kept);
    stats_.bytesLive = live;
    stats_.objects = objects;
}

void Heap::forEachObject(const std::function<void(Obj*)>& fn) {
    for (Block* b : blocks_)
        for (char* p = b->begin; p < b->end; p += b->cellSize) {
            auto* o = reinterpret_cast<Obj*>(p);
            if (o->kind != ObjKind::Free) fn(o);
        }
    for (auto [o, bytes] : large_)
        fn(o);
}

bool Heap::isHeapObject(const Obj* o) const {
    auto* p = reinterpret_cast<const char*>(o);
    for (Block* b : blocks_)
        if (p >= b->begin && p < b->end) return (p - b->begin) % b->cellSize == 0;
    return std::any_of(large_.begin(), large_.end(), [o](auto& e) { return e.first == o; });
}

std::string Heap::verify() {
    std::string problem;
    auto check = [&](Obj* from, Value v, const char* what) {
        if (!problem.empty() || !v.isObject()) return;
        Obj* to = v.asObject();
        if (!isHeapObject(to))
            problem = std::string(objKindName(from->kind)) + " holds a " + what +
                      " that is not a heap object";
        else if (to->kind == ObjKind::Free)
            problem = std::string(objKindName(from->kind)) + " holds a " + what +
                      " pointing at a freed cell";
    };
    // Verification is run after a collection, so only live objects are visited.
    collect();
    forEachObject([&](Obj* o) {
        if (!problem.empty()) return;
        if (o->klass) check(o, Value::object(o->klass), "class pointer");
        switch (o->kind) {
        case ObjKind::Instance: {
            auto* in = static_cast<Instance*>(o);
            if (!in->klass || in->klass->kind != ObjKind::Class) {
                problem = "instance without a class";
                return;
            }
            if (in->slotCount != in->klass->fields.size())
                problem = "instance of " +
                          std::string(in->klass->name ? in->klass->name->view() : "?") + " has " +
                          std::to_string(in->slotCount) + " slots, its layout has " +
                          std::to_string(in->klass->fields.size());
            for (uint32_t i = 0; i < in->slotCount; ++i)
                check(o, in->slots[i], "field");
            break;
        }
        case ObjKind::Array: {
            auto* a = static_cast<Array*>(o);
            if (a->length > a->capacity) problem = "array longer than its capacity";
            for (uint32_t i = 0; i < a->length; ++i)
                check(o, a->elements[i], "element");
            break;
        }
        case ObjKind::Record: {
            auto* r = static_cast<Record*>(o);
            if (r->keys.size() != r->values.size()) problem = "record with unequal keys and values";
            for (Value v : r->values)
                check(o, v, "value");
            break;
        }
        case ObjKind::Class: {
            auto* c = static_cast<Class*>(o);
            if (c->super && c->fields.size() < c->super->fields.size())
                problem = "class layout shorter than its superclass's";
            for (size_t i = 0; i < c->fields.size() && problem.empty(); ++i)
                if (c->slotOf.at(c->fields[i]) != i)
                    problem = "class slot table disagrees with its layout";
            break;
        }
        case ObjKind::Closure: {
            auto* c = static_cast<Closure*>(o);
            check(o, Value::object(c->proto), "prototype");
            if (c->upvalueCount != c->proto->upvalues.size())
                problem = "closure upvalue count mismatch";
            break;
        }
        default: break;
        }
    });
    return problem;
}

} // namespace molt
