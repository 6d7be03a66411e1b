// heap_weak.cpp — WeakMap, WeakSet and WeakRef in the collector (decision 0017).
//
// The marker does not follow a weak object's edges; it lists the object (Marker::weakTable)
// and goes on. Once the ordinary marking is done:
//   1. Ephemerons: a WeakMap value is marked when its key is marked. Marking a value may
//      mark other keys (a key reachable only through another entry's value, in the same
//      map or another one), and may reach more weak objects, so the pass repeats until a
//      round marks nothing. Each round is linear in the entries listed so far; chains of
//      length n cost n rounds, which real programs do not build.
//   2. Clearing: an entry whose key is unmarked is tombstoned (both halves dropped), and a
//      WeakRef whose target is unmarked is set to undefined. Nothing unmarked is
//      referenced any more, so the sweep that follows frees it, and the heap checker's
//      "no edge to a freed cell" holds for weak edges too.
#include "runtime/core/heap.h"

namespace molt {

namespace {
bool isLiveKey(Value key, uint8_t epoch) {
    return !key.isObject() || key.asObject()->marked == epoch;
}
} // namespace

void Heap::processWeakReferences() {
    Tracer t(*this);
    for (bool marked = true; marked;) {
        marked = false;
        // drainMarkStack may append to weakObjects_: index, do not iterate.
        for (size_t w = 0; w < weakObjects_.size(); ++w) {
            Obj* o = weakObjects_[w];
            if (o->kind != ObjKind::WeakMap) continue;
            auto* m = static_cast<MapObj*>(o);
            for (size_t i = 0; i < m->keys.size(); ++i) {
                Value key = m->keys[i], value = m->values[i];
                if (key.isEmpty() || !isLiveKey(key, markEpoch_)) continue;
                if (value.isObject() && value.asObject()->marked != markEpoch_) {
                    t.mark(value);
                    marked = true;
                }
            }
            if (marked) drainMarkStack();
        }
    }
    for (Obj* o : weakObjects_) {
        if (o->kind == ObjKind::WeakRef) {
            auto* ref = static_cast<WeakRefObj*>(o);
            if (!isLiveKey(ref->target, markEpoch_)) ref->target = Value::undefined();
            continue;
        }
        auto* m = static_cast<MapObj*>(o);
        bool isMap = o->kind == ObjKind::WeakMap;
        for (size_t i = 0; i < m->keys.size(); ++i) {
            Value key = m->keys[i];
            if (key.isEmpty() || isLiveKey(key, markEpoch_)) continue;
            m->index.erase(key); // hashed by identity: the dead cell's address is still its key
            m->keys[i] = Value::empty();
            if (isMap) m->values[i] = Value::undefined();
            m->liveCount--;
        }
    }
    weakObjects_.clear();
}

} // namespace molt
