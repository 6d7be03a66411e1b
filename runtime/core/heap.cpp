#include "runtime/core/heap.h"

#include "runtime/core/assert.h"
#include "runtime/core/vm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>

namespace molt {

const char* objKindName(ObjKind k) {
    switch (k) {
#define MOLT_KIND_NAME(kind, type)                                                                 \
    case ObjKind::kind: return #kind;
        MOLT_OBJ_KINDS(MOLT_KIND_NAME)
#undef MOLT_KIND_NAME
    case ObjKind::Free: return "Free";
    }
    return "?";
}

static constexpr uint8_t kLargeClass = 0xff;

Heap::Heap() {
    const char* verify = std::getenv("MOLT_VERIFY_HEAP");
    verifyUpdates_ = verify && std::strcmp(verify, "0") != 0;
}

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
    if (stats_.bytesAllocatedSinceGc >= nextCollection_) {
        if (logging_) return allocateLogged(bytes);
        if (!collecting_ && (!deferred_ || stress_)) collect();
    }
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

// The log holds the threshold at zero, so every allocation comes here: allocate with the
// real threshold (which may collect, and then moves), then record the cell.
void* Heap::allocateLogged(size_t bytes) {
    logging_ = false;
    nextCollection_ = loggedThreshold_;
    void* cell = allocateRaw(bytes);
    loggedThreshold_ = nextCollection_;
    nextCollection_ = 0;
    logging_ = true;
    log_.push_back(static_cast<Obj*>(cell));
    return cell;
}

void Heap::startAllocationLog() {
    MOLT_ASSERT(!logging_);
    log_.clear();
    loggedThreshold_ = nextCollection_;
    nextCollection_ = 0;
    logging_ = true;
}

std::vector<Obj*> Heap::stopAllocationLog() {
    if (!logging_) return {};
    logging_ = false;
    nextCollection_ = loggedThreshold_;
    return std::move(log_);
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
    // Exit status 1, as for an uncaught exception: running out is the program's failure,
    // not the runtime's (an abort would say the runtime crashed). Nothing is unwound: the
    // allocation that failed cannot return.
    std::fprintf(stderr, "molt: out of memory: the heap reached its limit of %zu MB\n",
                 limit_ / (1024 * 1024));
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(1);
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

namespace {
// The collector's visitor: one epoch compare per edge, inlined into each kind's edge list.
struct Marker : EdgeVisitorBase<Marker> {
    uint8_t epoch;
    std::vector<Obj*>& stack;
    std::vector<Obj*>& weak; // WeakMap, WeakSet, WeakRef: traced later (heap_weak.cpp)
    void weakTable(Obj* o) { weak.push_back(o); }
    void mark(Obj* o) {
        if (o->marked == epoch) return;
        o->marked = epoch;
        stack.push_back(o);
    }
    void visit(Value& v, const char*) {
        if (v.isObject()) mark(v.asObject());
    }
    template<typename T> void visit(T*& ref, const char*) {
        if (ref) mark(ref);
    }
};

// The reachability walk's visitor: the Tracer in walk mode (visited set, redirect).
struct WalkEdges : EdgeVisitorBase<WalkEdges> {
    Tracer& tracer;
    void visit(Value& v, const char*) { tracer.mark(v); }
    template<typename T> void visit(T*& ref, const char*) {
        if (ref) tracer.mark(ref);
    }
};
} // namespace

void Heap::forEachReachable(const std::function<void(Obj*)>& fn,
                            const std::function<Obj*(Obj*)>& redirect) {
    Tracer::Walk walk;
    walk.redirect = &redirect;
    Tracer t(*this, &walk);
    markRoots(t);
    WalkEdges edges{{}, t};
    while (!walk.stack.empty()) {
        Obj* o = walk.stack.back();
        walk.stack.pop_back();
        fn(o);
        visitEdges(o, edges);
    }
}

void Heap::drainMarkStack() {
    Marker marker{{}, markEpoch_, markStack_, weakObjects_};
    while (!markStack_.empty()) {
        Obj* o = markStack_.back();
        markStack_.pop_back();
        visitEdges(o, marker);
    }
}

void Heap::finalize(Obj* o) {
    switch (o->kind) {
    case ObjKind::String:
    case ObjKind::Symbol: {
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
    case ObjKind::Set:
    case ObjKind::WeakMap:
    case ObjKind::WeakSet: static_cast<MapObj*>(o)->~MapObj(); break;
    case ObjKind::Module: static_cast<Module*>(o)->~Module(); break;
    case ObjKind::Thread: static_cast<Thread*>(o)->~Thread(); break;
    case ObjKind::RegExp: releaseCompiledRegExp(static_cast<RegExpObj*>(o)->compiled); break;
    case ObjKind::Generator: static_cast<Generator*>(o)->~Generator(); break;
    default: break;
    }
}

void Heap::collect() {
    if (collecting_) return;
    collecting_ = true;
    markEpoch_ = markEpoch_ == 1 ? 2 : 1;
    Tracer t(*this);
    weakObjects_.clear();
    markRoots(t);
    drainMarkStack();
    processWeakReferences();
    if (weakSweeper_) weakSweeper_();
    sweep();
    stats_.collections++;
    stats_.bytesAllocatedSinceGc = 0;
    nextCollection_ = stress_ ? 0 : std::max<size_t>(stats_.bytesLive, 4 * 1024 * 1024) * 2;
    if (logging_) { // a collection not started by allocateLogged: keep taking every allocation
        loggedThreshold_ = nextCollection_;
        nextCollection_ = 0;
    }
    collecting_ = false;
}

// Before the cells are freed (their marks still tell the dead): each index keeps only its
// live entries that still have its class; a dead class's index goes with the class.
void Heap::pruneIndexes() {
    size_t kept = 0;
    for (Class* c : indexedClasses_) {
        if (c->marked != markEpoch_) continue; // its instances, which name it, are dead too
        std::erase_if(c->instanceIndex, [&](Instance* o) {
            return o->marked != markEpoch_ || o->kind != ObjKind::Instance || o->klass != c;
        });
        if (c->instanceIndex.capacity() > 64 && c->instanceIndex.size() < c->instanceIndex.capacity() / 4)
            c->instanceIndex.shrink_to_fit();
        indexedClasses_[kept++] = c;
    }
    indexedClasses_.resize(kept);
}

void Heap::sweep() {
    size_t live = 0, objects = 0;
    pruneIndexes();
    // The log keeps only what survives (its cells may be reused by later allocations).
    std::erase_if(log_, [&](Obj* o) { return o->marked != markEpoch_; });
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

} // namespace molt
