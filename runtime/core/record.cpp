// Records: the key/value tables behind object literals, dictionaries and the property
// tables of errors and functions. Small records search their keys; large ones keep an index.
#include "runtime/core/vm.h"

namespace molt {

Record* VM::newRecord() {
    return heap.allocate<Record>(ObjKind::Record, objectClass);
}

bool isArrayIndexKey(String* key, uint32_t& index) {
    auto v = key->view();
    if (v.empty() || v.size() > 9 || (v.size() > 1 && v[0] == '0')) return false;
    uint32_t n = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + uint32_t(c - '0');
    }
    index = n;
    return true;
}

static int recordFind(const Record* r, String* key) {
    if (r->index) {
        auto it = r->index->find(key);
        return it == r->index->end() ? -1 : int(it->second);
    }
    for (size_t i = 0; i < r->keys.size(); ++i) {
        String* k = r->keys[i];
        if (!r->isLive(i)) continue;
        // A symbol is only ever itself; strings may be equal without being one object.
        if (k == key || (k->hash() == key->hash() && !isSymbolKey(k) && !isSymbolKey(key) &&
                         k->view() == key->view()))
            return int(i);
    }
    return -1;
}

static void recordReindex(Record* r) {
    if (!r->index) {
        if (r->liveCount() <= Record::kIndexThreshold) return;
        r->index = new std::unordered_map<String*, uint32_t>();
    }
    r->index->clear();
    r->index->reserve(r->liveCount());
    for (size_t j = 0; j < r->keys.size(); ++j)
        if (r->isLive(j)) (*r->index)[r->keys[j]] = uint32_t(j);
}

// Drops the dead entries, keeping the live ones in order.
static void recordCompact(Record* r) {
    size_t out = 0;
    uint32_t prefix = 0;
    for (size_t i = 0; i < r->keys.size(); ++i) {
        if (!r->isLive(i)) continue;
        if (i < r->intPrefix) prefix++;
        r->keys[out] = r->keys[i];
        r->values[out] = r->values[i];
        out++;
    }
    r->keys.resize(out);
    r->values.resize(out);
    r->deadCount = 0;
    r->intPrefix = prefix;
    recordReindex(r);
}

Value VM::recordGet(Record* r, String* key) const {
    if (!key->interned && r->index) {
        // The index is keyed by interned strings; look the name up by content.
        auto it = internTable_.find(key->view());
        if (it == internTable_.end()) return Value::empty();
        key = it->second;
    }
    int i = recordFind(r, key);
    return i < 0 ? Value::empty() : r->values[size_t(i)];
}

void VM::recordSet(Record* r, std::string_view key, Value v) {
    Root keep(heap, v);
    recordSet(r, intern(key), v);
}

void VM::recordSet(Record* r, String* key, Value v) {
    if (v.isEmpty()) v = Value::undefined(); // an empty value marks a deleted entry
    if (!key->interned) {
        Root keep(heap, v);
        key = intern(key->view());
    }
    int i = recordFind(r, key);
    if (i >= 0) {
        r->values[size_t(i)] = v;
        return;
    }
    size_t pos = r->keys.size();
    uint32_t index, other;
    if (isArrayIndexKey(key, index)) {
        size_t last = r->intPrefix;
        while (last > 0 && !r->isLive(last - 1))
            last--;
        bool largest = last == 0 || (isArrayIndexKey(r->keys[last - 1], other) && other < index);
        if (!largest) {
            recordCompact(r);
            pos = 0;
            while (pos < r->intPrefix && isArrayIndexKey(r->keys[pos], other) && other < index)
                pos++;
        } else {
            pos = r->intPrefix;
        }
        r->intPrefix++;
    }
    if (pos == r->keys.size()) {
        r->keys.push_back(key);
        r->values.push_back(v);
        if (r->index)
            (*r->index)[key] = uint32_t(pos);
        else
            recordReindex(r);
        return;
    }
    r->keys.insert(r->keys.begin() + long(pos), key);
    r->values.insert(r->values.begin() + long(pos), v);
    recordReindex(r);
}

Value VM::recordRead(Record* r, size_t i, Value receiver) {
    Value v = r->values[i];
    if (!(r->flags & Record::kAccessorsFlag) || !isKind(v, ObjKind::Accessor)) return v;
    Value getter = as<AccessorPair>(v)->getter;
    return getter.isUndefined() ? getter : call(getter, receiver, nullptr, 0);
}

bool VM::recordDefineAccessor(Record* r, String* key, Value fn, bool isSetter) {
    if (!key->interned) key = intern(key->view());
    Value existing = recordGet(r, key);
    AccessorPair* pair;
    if (isKind(existing, ObjKind::Accessor)) {
        pair = as<AccessorPair>(existing);
    } else {
        Root keepFn(heap, fn);
        Root keepRecord(heap, Value::object(r));
        pair = heap.allocate<AccessorPair>(ObjKind::Accessor, internalClass);
        pair->getter = pair->setter = Value::undefined();
        fn = keepFn.value;
        r->flags |= Record::kAccessorsFlag;
        recordSet(r, key, Value::object(pair));
    }
    (isSetter ? pair->setter : pair->getter) = fn;
    return true;
}

bool VM::recordDelete(Record* r, String* key) {
    if (!key->interned) key = intern(key->view());
    int i = recordFind(r, key);
    if (i < 0) return true;
    r->values[size_t(i)] = Value::empty();
    r->deadCount++;
    if (r->index) r->index->erase(key);
    while (!r->keys.empty() && !r->isLive(r->keys.size() - 1)) {
        r->keys.pop_back();
        r->values.pop_back();
        r->deadCount--;
        if (r->intPrefix > r->keys.size()) r->intPrefix = uint32_t(r->keys.size());
    }
    if (r->deadCount > 8 && r->deadCount * 2 > r->keys.size()) recordCompact(r);
    return true;
}


}  // namespace molt
