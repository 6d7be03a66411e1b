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
//     the stress mode sets that threshold to zero so every allocation collects, and the
//     allocation log (below) sets it to zero so every allocation takes the slow path that
//     records it. Outside those modes the fast path is unchanged.
//   * Marking uses an explicit stack (no recursion), so deep structures cannot overflow the
//     C++ stack. What an object references is its kind's `visitEdges` (object.h) and
//     nothing else: marking, `verify`, `forEachReachable` and swapObjects's forwarding all
//     run over that one list.
//   * Every Instance is in its class's instance index (Class::instanceIndex): allocation
//     appends it, and the sweep drops the entries of objects it frees (and of objects whose
//     class was changed since: whoever changes an instance's class adds it to the new
//     class's index, `reindex`). So the instances of one class are found without walking
//     the heap (the DSU migrates them), at the price of one vector append per instance
//     allocated and a pass over the indexes in each collection.
//   * No object ever references a freed cell, garbage included: a sweep frees every
//     unmarked object at once, and a marked object's edges were all marked. `verify` holds
//     the whole heap to this (and to each kind's own consistency, see heap_verify.cpp), so a
//     missed edge or a missing root shows up as a named edge of a named object.
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

// Visits the root references the VM and the scheduler hold outside the heap, in place, so
// swapObjects can rewrite them (heap objects' edges are visited through visitEdges).
// Typed pointers are offered as Obj*& and must be replaced by an object of the same kind.
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
        if (kind == ObjKind::Instance) index(klass, obj);
        return obj;
    }

    // The instances whose class is exactly `cls`, in allocation order, from its index (no
    // heap walk). Between collections the answer may include garbage, as forEachObject does.
    template<typename F> void forEachInstanceOf(const Class* cls, F&& fn) const {
        for (Instance* o : cls->instanceIndex)
            if (o->klass == cls && o->kind == ObjKind::Instance) fn(o);
    }
    // How many entries `cls`'s index holds (live, garbage and moved ones alike).
    size_t indexedCount(const Class* cls) const { return cls->instanceIndex.size(); }
    // An instance whose class was just set to `cls` joins its index (its entry in the old
    // class's index is dropped by the next sweep).
    void reindex(Obj* o, Class* cls) {
        if (o->kind == ObjKind::Instance) index(cls, o);
    }
    // How many slots `in`'s cell has room for: its size class may round its size up (an
    // instance of an even number of slots has room for one more). A large object has none
    // to spare.
    static uint32_t slotCapacity(const Instance* in) {
        if (in->cellClass == 0xff) return in->slotCount;
        size_t bytes = size_t(in->cellClass) * kCellGranule;
        return uint32_t((bytes - (sizeof(Instance) - sizeof(Value))) / sizeof(Value));
    }
    // The bytes an instance of `slots` slots is allocated with (VM::newInstance).
    static size_t instanceBytes(uint32_t slots) {
        return sizeof(Instance) + (slots ? slots - 1 : 0) * sizeof(Value);
    }
    // slotCapacity of every instance allocated with `slots` slots: what the DSU plans with
    // before it touches a cell (each cell is checked again as it is rewritten).
    static uint32_t slotCapacityFor(uint32_t slots) {
        size_t bytes = instanceBytes(slots);
        if (bytes > kSmallLimit) return slots;
        size_t cell = (bytes + kCellGranule - 1) / kCellGranule * kCellGranule;
        return uint32_t((cell - (sizeof(Instance) - sizeof(Value))) / sizeof(Value));
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

    // Whole-heap consistency check (heap_verify.cpp): headers are sane, every edge of every
    // object lands on a live object of a kind the edge may hold, and each kind agrees with
    // itself (layouts, indexes, tables). It checks the edges before it collects, so a dangling
    // edge is reported rather than followed. Returns "" when the heap is consistent, else the
    // first violation, naming the object (identity, kind) and the edge.
    std::string verify();
    // With MOLT_VERIFY_HEAP=1 in the environment (read when the heap is made) the DSU runs
    // `verify` after every commit and rollback; a violation ends the process with the
    // checker's message on stderr. `event` names the update step in that message.
    void verifyAfterUpdate(const char* event);
    bool verifiesUpdates() const { return verifyUpdates_; }
    void setVerifiesUpdates(bool on) { verifyUpdates_ = on; }

    // The allocation log: between startAllocationLog and stopAllocationLog every object
    // allocated is recorded, in allocation order; the collector drops the ones it frees.
    // The DSU logs while a new version is staged, so it can find the objects the staging
    // made (the staged module's code, classes, closures and values) without walking the
    // heap. Logging is not nestable. stopAllocationLog returns the log; its objects are
    // only as alive as the caller keeps them.
    void startAllocationLog();
    std::vector<Obj*> stopAllocationLog();
    const std::vector<Obj*>& allocationLog() const { return log_; }
    bool logging() const { return logging_; }

    // Storage an object owns outside its cell (a string's buffer, an array's elements) was
    // just malloc'd: it counts toward the next collection, so garbage that holds big
    // buffers behind small headers is collected once its bytes add up. Never collects.
    void noteOutsideBytes(size_t bytes) { stats_.bytesAllocatedSinceGc += bytes; }

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
    // A block holds cells of one size class, laid out back to back after the header.
    struct Block {
        size_t cellSize;
        char* begin;
        char* end;   // end of the cells handed out so far (bump region excluded)
        char* limit; // end of the block's memory
        uint8_t sizeClass;
    };
    void index(Class* cls, Obj* o) {
        if (!cls) return;
        if (!cls->indexed) {
            cls->indexed = true;
            indexedClasses_.push_back(cls);
        }
        cls->instanceIndex.push_back(static_cast<Instance*>(o));
    }
    void pruneIndexes();
    void* allocateRaw(size_t bytes);
    void* allocateLogged(size_t bytes);
    void* allocateLarge(size_t bytes);
    [[noreturn]] void outOfMemory();
    void markRoots(Tracer& t);
    void drainMarkStack();
    // After marking: WeakMap values whose keys are marked (to a fixpoint), then the entries
    // and WeakRef targets that died are cleared (heap_weak.cpp, decision 0017).
    void processWeakReferences();
    void sweep();
    static void finalize(Obj* o);
    std::string verifyEdges(bool full);
    std::string verifyIndexes();

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
    std::vector<Obj*> weakObjects_; // the weak tables and refs the current marking reached
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
    bool verifyUpdates_ = false;
    bool logging_ = false;
    size_t loggedThreshold_ = 0; // the collection threshold while the log holds it at zero
    std::vector<Obj*> log_;
    std::vector<Class*> indexedClasses_; // classes with an instance index, pruned by sweep
};

// Finds (and with `to`, rewrites) the references of static type T* that name `from`; Value
// slots and other types are passed over. The DSU rebases new code's `module` edges from the
// staged namespace to the live one with it. Returns whether `o` held such a reference.
template<typename T> struct TypedEdgeRetarget : EdgeVisitorBase<TypedEdgeRetarget<T>> {
    const T* from;
    T* to;
    bool found = false;
    void visit(Value&, const char*) {}
    template<typename U> void visit(U*& ref, const char*) {
        if constexpr (std::is_same_v<U, T>)
            if (ref == from) {
                found = true;
                if (to) ref = to;
            }
    }
};
template<typename T> bool retargetTypedEdges(Obj* o, const T* from, T* to = nullptr) {
    TypedEdgeRetarget<T> retarget{{}, from, to};
    visitEdges(o, retarget);
    return retarget.found;
}

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
