// heap.h — allocation, the precise mark-sweep collector, and heap walking.
//
// Invariants:
//   * Non-moving: an object's address never changes, so C++ code may hold raw pointers
//     across allocations as long as the object is reachable from a root. Anything that is
//     only held by C++ (a temporary between two allocations) must be registered with a
//     `Root` (a LIFO root stack), or be reachable from a registered root provider.
//   * Walkable: every object lives in a cell of a size-class block or in the large-object
//     list, and every cell is either a live object or ObjKind::Free. `forEachObject` visits
//     exactly the live objects (after a collection) or live-or-garbage objects (between
//     collections; `allInstances` collects first when exactness matters).
//   * Allocation is a free-list pop or a pointer bump inside the current block. The only
//     other work on the allocation path is one compare against the collection threshold;
//     the stress mode sets that threshold to zero so every allocation collects.
//   * Marking uses an explicit stack (no recursion), so deep structures cannot overflow the
//     C++ stack.
#pragma once

#include "runtime/core/object.h"

#include <cstddef>
#include <functional>
#include <new>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace molt {

class Heap;

class Tracer {
public:
    explicit Tracer(Heap& heap) : heap_(heap) {}
    // A tracer for Heap::forEachReachable: it records visits in its own set and never
    // touches mark bits, so it can run between collections without disturbing them.
    struct Walk {
        std::unordered_set<Obj*> visited;
        std::vector<Obj*> stack;
        const std::function<Obj*(Obj*)>* redirect = nullptr;
    };
    Tracer(Heap& heap, Walk* walk) : heap_(heap), walk_(walk) {}
    void mark(Value v) {
        if (v.isObject()) mark(v.asObject());
    }
    void mark(Obj* o);
    void markAll(const Value* begin, const Value* end) {
        for (const Value* p = begin; p < end; ++p)
            mark(*p);
    }

private:
    friend class Heap;
    Heap& heap_;
    Walk* walk_ = nullptr;
};

struct HeapStats {
    size_t bytesLive = 0;
    size_t bytesAllocatedSinceGc = 0;
    size_t collections = 0;
    size_t objects = 0;
};

// Visits every reference field of an object in place, so a caller can rewrite it
// (swapObjects). Typed pointers are offered as Obj*& and must be replaced by an object of
// the same kind.
class EdgeVisitor {
public:
    virtual ~EdgeVisitor() = default;
    virtual void visit(Value& v) = 0;
    virtual void visit(Obj*& o) = 0;
    template<typename T> void visitTyped(T*& p) {
        if (!p) return;
        Obj* o = p;
        visit(o);
        p = static_cast<T*>(o);
    }
};

class Heap {
public:
    // Applies `v` to every reference held by `o` (its class pointer included).
    static void visitEdges(Obj* o, EdgeVisitor& v);

    Heap();
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Allocates `bytes` (>= sizeof(T)) and default-constructs T in it. May collect first.
    template<typename T> T* allocate(ObjKind kind, Class* klass, size_t bytes = sizeof(T)) {
        void* mem = allocateRaw(bytes);
        T* obj = new (mem) T();
        obj->kind = kind;
        obj->klass = klass;
        obj->cellClass = lastCellClass_;
        return obj;
    }

    void collect();
    void setStressMode(bool on);
    // While deferred, allocation never starts a collection (stress mode still does). The DSU
    // defers during a commit: it allocates a new object per migrated instance, all live.
    void setCollectionDeferred(bool on) { deferred_ = on; }
    bool stressMode() const { return stress_; }

    // Roots: providers are called on every collection (the VM registers its threads,
    // modules, globals, ...); `Root` holds C++ temporaries.
    using RootProvider = std::function<void(Tracer&)>;
    // Returns an id for removeRootProvider (providers that live as long as the VM ignore it).
    size_t addRootProvider(RootProvider p) {
        rootProviders_.push_back(std::move(p));
        return rootProviders_.size() - 1;
    }
    void removeRootProvider(size_t id) { rootProviders_[id] = nullptr; }
    void pushRoot(Value* slot) { tempRoots_.push_back(slot); }
    void popRoot() { tempRoots_.pop_back(); }
    // Weak callback: called after marking, before sweeping (the string intern table).
    void setWeakSweeper(std::function<void()> f) { weakSweeper_ = std::move(f); }

    // Visits every object in the heap (live and, between collections, not yet collected).
    void forEachObject(const std::function<void(Obj*)>& fn);
    // Visits every object reachable from the roots once, without marking or collecting.
    // `redirect` (optional) names the object that stands for another one: the DSU asks what
    // would be reachable once its swap has replaced old objects by new ones.
    void forEachReachable(const std::function<void(Obj*)>& fn,
                          const std::function<Obj*(Obj*)>& redirect = nullptr);
    uint32_t identityOf(Obj* o);
    bool isMarked(Obj* o) const { return o->marked == markEpoch_; }

    // Whole-heap consistency check: every reference from a live object lands on a live,
    // well-formed object of a known kind; instances match their class's layout. Returns an
    // empty string when the heap is consistent, or a description of the first violation.
    std::string verify();

    const HeapStats& stats() const { return stats_; }
    size_t bytesLive() const { return stats_.bytesLive; }

    // Memory the heap holds from the system: its blocks and large objects.
    size_t footprint() const { return blocks_.size() * kBlockBytes + largeBytes_; }
    // A ceiling on the footprint (0: none). Reaching it outside a DSU commit collects
    // first and ends the process with "out of memory" when that does not help (as node
    // does); the DSU checks before migrating that the instances it would copy fit
    // (growthFor), so an update that would run out rolls back instead.
    void setLimit(size_t bytes) { limit_ = bytes; }
    size_t limit() const { return limit_; }
    // How much the footprint grows to hold `count` more objects of `bytes` each (as
    // allocate rounds them), after the free cells the heap already holds.
    size_t growthFor(size_t count, size_t bytes) const;

private:
    friend class Tracer;
    struct Block;
    void* allocateRaw(size_t bytes);
    void* allocateLarge(size_t bytes);
    [[noreturn]] void outOfMemory();
    void markRoots(Tracer& t);
    void drainMarkStack(Tracer& t);
    void sweep();
    static void trace(Obj* o, Tracer& t);
    static void finalize(Obj* o);
    bool isHeapObject(const Obj* o) const;

    static constexpr size_t kCellGranule = 16;
    static constexpr size_t kSmallLimit = 512;
    static constexpr size_t kClassCount = kSmallLimit / kCellGranule;
    static constexpr size_t kBlockBytes = 256 * 1024;

    static constexpr size_t kFreeLinkOffset = 8;
    struct SizeClass {
        Block* current = nullptr;
        void* freeList = nullptr;
        char* bumpCursor = nullptr;
        char* bumpEnd = nullptr;
    };
    SizeClass classes_[kClassCount + 1];
    std::vector<Block*> blocks_;
    std::vector<std::pair<Obj*, size_t>> large_;
    size_t largeBytes_ = 0;
    size_t limit_ = 0;
    std::vector<Obj*> markStack_;
    std::vector<RootProvider> rootProviders_;
    std::vector<Value*> tempRoots_;
    std::function<void()> weakSweeper_;
    HeapStats stats_;
    size_t nextCollection_ = 8 * 1024 * 1024;
    uint8_t markEpoch_ = 1;
    uint8_t lastCellClass_ = 0;
    uint32_t nextIdentity_ = 1;
    bool stress_ = false;
    bool deferred_ = false;
    bool collecting_ = false;
};

// RAII root for a C++ temporary: keeps `value` alive across allocations.
class Root {
public:
    Root(Heap& heap, Value v = Value::undefined()) : heap_(heap), value(v) {
        heap_.pushRoot(&value);
    }
    ~Root() { heap_.popRoot(); }
    Root(const Root&) = delete;
    Root& operator=(const Root&) = delete;
    Value get() const { return value; }
    void set(Value v) { value = v; }

private:
    Heap& heap_;

public:
    Value value;
};

} // namespace molt
